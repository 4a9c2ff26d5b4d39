using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Turns OpenAPI 3.0 schemas into JSON Schema 2020-12 for a real validator (JsonSchema.Net). The document's
/// <c>components/schemas</c> become the <c>$defs</c> of one schema resource (<see cref="DefinitionsUri"/>).
/// Conversions: <c>nullable</c> becomes a <c>"null"</c> type (or an <c>anyOf</c> with null around a reference or a
/// composition); the siblings of a <c>$ref</c> are dropped, as OpenAPI 3.0 ignores them; <c>oneOf</c> becomes
/// <c>anyOf</c>, because the document's branches overlap (a reference object matches several of them); boolean
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> take their number form; <c>writeOnly</c> properties are not
/// required in a response; the document's <c>datetime</c> format is its spelling of <c>date-time</c>; <c>discriminator</c>, <c>example</c>, <c>xml</c> and <c>externalDocs</c> are left out.
/// </summary>
internal static class OpenApiSchemas
{
    public static readonly Uri DefinitionsUri = new("https://connect.invalid/openapi/v37");

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "nullable", "discriminator", "example", "xml", "externalDocs", "deprecated",
    };

    /// <summary>The schema resource holding every component schema as <c>$defs</c>.</summary>
    public static JsonObject Definitions(JsonObject document)
    {
        var defs = new JsonObject();
        if (document["components"]?["schemas"] is JsonObject schemas)
        {
            foreach (var (name, schema) in schemas)
            {
                defs[name] = Convert(schema);
            }
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DefinitionsUri.ToString(),
            ["$defs"] = defs,
        };
    }

    /// <summary>A response schema as its own resource; its references point into <see cref="Definitions"/>.</summary>
    public static JsonObject Response(JsonNode schema, Uri id)
    {
        var converted = Convert(schema) as JsonObject ?? new JsonObject();
        converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        converted["$id"] = id.ToString();
        return converted;
    }

    /// <summary>One OpenAPI schema (and everything inside it) as JSON Schema 2020-12.</summary>
    public static JsonNode? Convert(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return node?.DeepClone();
        }

        var nullable = schema["nullable"]?.GetValueKind() == JsonValueKind.True;
        if (schema["$ref"] is JsonValue reference)
        {
            var target = new JsonObject { ["$ref"] = Reference(reference.GetValue<string>()) };
            return nullable ? new JsonObject { ["anyOf"] = new JsonArray(target, new JsonObject { ["type"] = "null" }) } : target;
        }

        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (Dropped.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            result[key == "oneOf" ? "anyOf" : key] = key switch
            {
                "properties" when value is JsonObject properties => ConvertEach(properties),
                "items" or "additionalProperties" or "not" => Convert(value),
                "allOf" or "anyOf" or "oneOf" when value is JsonArray list => new JsonArray([.. list.Select(Convert)]),
                "format" when value?.GetValue<string>() == "datetime" => "date-time",
                _ => value?.DeepClone(),
            };
        }

        ExclusiveBound(result, "exclusiveMinimum", "minimum");
        ExclusiveBound(result, "exclusiveMaximum", "maximum");
        if (result["required"] is JsonArray required && result["properties"] is JsonObject props)
        {
            var writeOnly = props.Where(p => p.Value?["writeOnly"]?.GetValueKind() == JsonValueKind.True).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            result["required"] = new JsonArray([.. required.Select(r => r?.GetValue<string>()).Where(r => r is not null && !writeOnly.Contains(r)).Select(r => (JsonNode?)r)]);
        }

        if (!nullable)
        {
            return result;
        }

        if (result["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        if (result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
            return result;
        }

        return result.ContainsKey("allOf") || result.ContainsKey("anyOf")
            ? new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) }
            : result;
    }

    private static JsonObject ConvertEach(JsonObject properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            result[name] = Convert(value);
        }

        return result;
    }

    private static string Reference(string reference)
    {
        const string Prefix = "#/components/schemas/";
        return reference.StartsWith(Prefix, StringComparison.Ordinal)
            ? DefinitionsUri + "#/$defs/" + reference[Prefix.Length..]
            : throw new InvalidDataException($"Unsupported $ref {reference}: only component schemas are referenced.");
    }

    private static void ExclusiveBound(JsonObject schema, string keyword, string bound)
    {
        if (schema[keyword] is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            schema.Remove(keyword);
            if (flag.GetValueKind() == JsonValueKind.True && schema[bound] is { } limit)
            {
                schema.Remove(bound);
                schema[keyword] = limit;
            }
        }
    }
}
