using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Http;

/// <summary>Reads JSON request bodies; an absent body, <c>null</c> and <c>{}</c> all read as an empty object.</summary>
internal static class Bodies
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw ApiException.Invalid($"The request body is not valid JSON: {ex.Message}");
        }

        return node switch
        {
            null => [],
            JsonObject obj => obj,
            _ => throw ApiException.Invalid("The request body must be a JSON object."),
        };
    }

    public static string? String(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static string? String(JsonObject? obj, string property) => obj is null ? null : String(obj[property]);

    public static string? Path(JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return String(node);
    }
}
