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
}
