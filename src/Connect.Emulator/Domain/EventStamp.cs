using System.Text.Json.Nodes;

namespace Connect.Emulator.Domain;

/// <summary>The <c>events.*</c> entries Connect writes: when, and who (<c>{at, by: {id, name}}</c>).</summary>
internal static class EventStamp
{
    public static JsonObject At(string at, Caller caller) => new()
    {
        ["at"] = at,
        ["by"] = new JsonObject { ["id"] = caller.ApiKeyId, ["name"] = caller.ApiKeyId },
    };
}
