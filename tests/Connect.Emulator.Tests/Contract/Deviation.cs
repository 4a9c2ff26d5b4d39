using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// A place where the OpenAPI document and what Connect really sends (the recordings in <c>contract/fixtures</c>)
/// disagree, and the emulator follows the recording. Read from <c>contract/deviations.json</c>; each one relaxes the
/// document's schema before validation, so that a deviation is a written decision and anything else a violation.
/// </summary>
/// <param name="Path">
/// The schema: a component schema name with an optional JSON pointer inside it (<c>dp.Subscription/properties/items/items</c>),
/// or a pointer into the whole document starting with <c>#/</c> (for schemas written inline in a path).
/// </param>
/// <param name="Field">The property of that schema the deviation is about (<c>[]</c>: the elements of an array schema).</param>
/// <param name="Rule">
/// How the schema is relaxed: <c>optional</c> (not required), <c>nullable</c> (may be null), <c>type</c> (may also have
/// the types in <paramref name="Values"/>), <c>enum</c> (may also take <paramref name="Values"/>), <c>any</c> (any value).
/// </param>
/// <param name="Values">The types or values <c>type</c> and <c>enum</c> add.</param>
/// <param name="Reason">Why the recording wins: which recording shows what.</param>
internal sealed record Deviation(string Path, string Field, string Rule, IReadOnlyList<JsonNode?> Values, string Reason)
{
    /// <summary>The deviations the repository lists (<c>contract/deviations.json</c>).</summary>
    public static IReadOnlyList<Deviation> Listed { get; } = Load(File.ReadAllText(SharedFiles.Deviations));

    public static IReadOnlyList<Deviation> Load(string json)
    {
        var root = JsonNode.Parse(json)?["deviations"] as JsonArray ?? throw new InvalidDataException("deviations.json has no deviations list.");
        return [.. root.OfType<JsonObject>().Select(d => new Deviation(
            d["path"]!.GetValue<string>(),
            d["field"]!.GetValue<string>(),
            d["rule"]!.GetValue<string>(),
            (d["values"] as JsonArray)?.Select(v => v?.DeepClone()).ToList() ?? [],
            d["reason"]!.GetValue<string>()))];
    }

    /// <summary>Relaxes the OpenAPI <paramref name="document"/> in place; throws when the path or field does not exist.</summary>
    public void ApplyTo(JsonObject document)
    {
        var schema = Locate(document) ?? throw new InvalidDataException($"Deviation {this}: the schema {Path} is not in the document.");
        if (Rule == "optional")
        {
            var required = schema["required"] as JsonArray;
            var index = required?.Select((r, i) => (r, i)).FirstOrDefault(x => x.r?.GetValue<string>() == Field, (null, -1)).Item2 ?? -1;
            if (index < 0)
            {
                throw new InvalidDataException($"Deviation {this}: {Field} is not required by {Path}.");
            }

            required!.RemoveAt(index);
            return;
        }

        // "[]" names the element schema of an array schema; anything else a property.
        var holder = Field == "[]" ? schema : schema["properties"] as JsonObject;
        var key = Field == "[]" ? "items" : Field;
        if (holder?[key] is not JsonObject property)
        {
            throw new InvalidDataException($"Deviation {this}: {Path} has no {(Field == "[]" ? "items" : "property " + Field)}.");
        }

        switch (Rule)
        {
            case "nullable":
                property["nullable"] = true;
                break;
            case "enum" when property["enum"] is JsonArray values:
                foreach (var value in Values)
                {
                    values.Add(value?.DeepClone());
                }

                break;
            case "type":
                holder[key] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(property.DeepClone(), new JsonObject { ["type"] = Values.Count == 1 ? Values[0]!.DeepClone() : new JsonArray([.. Values.Select(v => v?.DeepClone())]) }),
                };
                break;
            case "any":
                holder[key] = new JsonObject();
                break;
            default:
                throw new InvalidDataException($"Deviation {this}: rule {Rule} does not apply to {Path}/properties/{Field}.");
        }
    }

    private JsonObject? Locate(JsonObject document)
    {
        var pointer = Path.StartsWith("#/", StringComparison.Ordinal) ? Path[2..] : "components/schemas/" + Path;
        JsonNode? node = document;
        foreach (var segment in pointer.Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[name],
                JsonArray array when int.TryParse(name, out var i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node as JsonObject;
    }

    public override string ToString() => $"{Path} {Field} ({Rule})";
}
