using System.Text.Json.Nodes;

namespace Connect.Emulator.Documents;

/// <summary>Facts about a parameter document (<c>asset.params[]</c>, tier config <c>params[]</c>).</summary>
internal static class Parameters
{
    public static bool IsRequired(JsonObject param) => Flag(param, "required");

    public static bool IsUnique(JsonObject param) => Flag(param, "unique");

    public static bool IsEmpty(JsonObject param) =>
        string.IsNullOrEmpty(Json.Str(param, "value")) && param["structured_value"] is not JsonObject;

    private static bool Flag(JsonObject param, string constraint) =>
        param["constraints"]?[constraint] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
