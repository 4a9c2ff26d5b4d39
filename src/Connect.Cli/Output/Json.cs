using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Cli.Output;

/// <summary>Reads display values out of the API's JSON by dotted path.</summary>
internal static class Json
{
    /// <summary>The value at <paramref name="path"/> (<c>asset.product.id</c>) as text, or empty.</summary>
    public static string Text(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node switch
        {
            null => string.Empty,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>A timestamp at <paramref name="path"/> shortened to minutes (<c>2026-01-05 09:04</c>), or the raw text.</summary>
    public static string Time(JsonNode? node, string path)
    {
        var text = Text(node, path);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : text;
    }
}
