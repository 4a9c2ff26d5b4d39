using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>Builds the small JSON bodies of the action endpoints.</summary>
internal static class ParamBodies
{
    /// <summary>
    /// The parameters as the update endpoints take them: only <c>id</c>, <c>value</c>, <c>value_error</c> and
    /// <c>structured_value</c> can be modified, so only those are sent.
    /// </summary>
    public static JsonArray Params(IEnumerable<Param> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var array = new JsonArray();
        foreach (var p in parameters)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (string.IsNullOrEmpty(p.Id))
            {
                throw new ArgumentException("Every parameter to update needs an id.", nameof(parameters));
            }

            var item = new JsonObject { ["id"] = p.Id };
            if (p.ValueWire.ToNode() is { } value)
            {
                item["value"] = value;
            }

            if (p.ValueError is not null)
            {
                item["value_error"] = p.ValueError;
            }

            if (p.StructuredValue is { ValueKind: not JsonValueKind.Undefined } structured)
            {
                item["structured_value"] = JsonNode.Parse(structured.GetRawText());
            }

            array.Add(item);
        }

        return array;
    }

    /// <summary><c>{"id": "UR-..."}</c>, or <c>{"email": "..."}</c> when the value looks like an email address.</summary>
    public static JsonObject Assignee(string userIdOrEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userIdOrEmail);
        return userIdOrEmail.Contains('@', StringComparison.Ordinal)
            ? new JsonObject { ["email"] = userIdOrEmail }
            : new JsonObject { ["id"] = userIdOrEmail };
    }
}
