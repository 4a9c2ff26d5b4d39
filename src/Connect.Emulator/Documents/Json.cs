using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Documents;

/// <summary>
/// Small helpers over <see cref="JsonNode"/> documents: the bottom layer of the emulator, used by the store, the
/// domain and the HTTP endpoints alike (it depends on none of them).
/// </summary>
internal static class Json
{
    // Connect writes '+', '<', '>' and non-ASCII text literally (e.g. "+00:00" offsets), not as \u escapes.
    private static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes a document the way the emulator puts it on the wire and into the store.</summary>
    public static string Write(JsonNode? node) => node?.ToJsonString(WireOptions) ?? "null";

    /// <summary>As <see cref="Write"/>, as UTF-8 bytes.</summary>
    public static byte[] WriteUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, WireOptions);

    public static JsonObject Clone(JsonObject document) => (JsonObject)document.DeepClone();

    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();

    /// <summary>The string at a dotted path, or null (non-string scalars are rendered as JSON text).</summary>
    public static string? Str(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return Text(node);
    }

    /// <summary>A scalar as text: a string as itself, a number or boolean as its JSON text; null for anything else.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>As <see cref="Text(JsonNode?)"/> for one property of an object (which may be null).</summary>
    public static string? Text(JsonObject? obj, string property) => obj is null ? null : Text(obj[property]);

    public static string Id(JsonNode document) => Str(document, "id") ?? string.Empty;

    public static JsonArray Array(JsonNode? node) => node as JsonArray ?? [];

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => Array(node).OfType<JsonObject>();

    public static JsonObject Ref(JsonObject document, params string[] fields)
    {
        var result = new JsonObject();
        foreach (var field in fields)
        {
            if (document[field] is { } value)
            {
                result[field] = value.DeepClone();
            }
        }

        return result;
    }

    public static JsonObject At(string at) => new() { ["at"] = at };
}
