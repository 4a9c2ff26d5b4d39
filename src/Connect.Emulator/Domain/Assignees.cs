using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>The assignee object an <c>assign</c> action sets, from the path or the body (id or email).</summary>
internal static class Assignees
{
    internal static JsonObject From(JsonObject body, string? pathAssignee)
    {
        if (pathAssignee is not null)
        {
            return new JsonObject { ["id"] = pathAssignee, ["name"] = pathAssignee };
        }

        if (Json.Text(body, "id") is { Length: > 0 } id)
        {
            return new JsonObject { ["id"] = id, ["name"] = id };
        }

        if (Json.Text(body, "email") is { Length: > 0 } email)
        {
            return new JsonObject { ["id"] = Ids.UserFromText(email), ["name"] = email, ["email"] = email };
        }

        throw DomainException.Invalid("Either id or email is required.");
    }
}
