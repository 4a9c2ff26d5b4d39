using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>
/// Renders template bodies: every <c>{{ param_id }}</c> placeholder (spaces optional) is replaced by the value of the
/// parameter with that id; unknown parameters and empty values render as an empty string, as recorded approved
/// requests show (<c>**param_b** is ****</c>).
/// </summary>
internal static partial class Templates
{
    public static string Render(string body, IEnumerable<JsonObject> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            var value = Json.Str(p, "value") ?? string.Empty;
            if (Json.Str(p, "id") is { } id)
            {
                values.TryAdd(id, value);
            }

            if (Json.Str(p, "name") is { } name)
            {
                values.TryAdd(name, value);
            }
        }

        return Placeholder().Replace(body, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : string.Empty);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_\-\.]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
