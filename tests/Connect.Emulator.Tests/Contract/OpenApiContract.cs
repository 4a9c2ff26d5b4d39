using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Validates JSON response bodies against the response schemas of the published Connect OpenAPI 3.0 document
/// (<c>contract/connect-openapi30-v37.yml</c>) with a real JSON Schema validator (JsonSchema.Net, draft 2020-12, formats
/// checked). The document's schemas are converted once (<see cref="OpenApiSchemas"/>); the deviations listed in
/// <c>contract/deviations.json</c> relax the document first, so any other disagreement is a violation.
/// </summary>
internal sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> SharedInstance = new(() => Load(SharedFiles.OpenApiDocument, Deviation.Listed));

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly ConcurrentDictionary<string, JsonSchema> _responses = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _built;

    private OpenApiContract(JsonObject document, IReadOnlyList<Deviation> deviations)
    {
        foreach (var deviation in deviations)
        {
            deviation.ApplyTo(document);
        }

        Document = document;
        Deviations = deviations;
    }

    /// <summary>The v37 document with the repository's deviations, parsed once per test run.</summary>
    public static OpenApiContract Shared => SharedInstance.Value;

    /// <summary>The whole document as JSON (after the deviations).</summary>
    public JsonObject Document { get; }

    /// <summary>The deviations applied to the document.</summary>
    public IReadOnlyList<Deviation> Deviations { get; }

    /// <summary>Builds a contract from YAML text (for tests of the validator itself).</summary>
    public static OpenApiContract FromYaml(string yaml, IReadOnlyList<Deviation>? deviations = null)
    {
        using var reader = new StringReader(yaml);
        return new OpenApiContract(YamlJson.Parse(reader) as JsonObject
            ?? throw new InvalidDataException("The YAML is not a mapping."), deviations ?? []);
    }

    public static OpenApiContract Load(string path, IReadOnlyList<Deviation> deviations)
    {
        using var reader = new StreamReader(path);
        return new OpenApiContract(YamlJson.Parse(reader) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a YAML mapping."), deviations);
    }

    /// <summary>
    /// Checks <paramref name="body"/> against the JSON schema of the response <paramref name="status"/> of
    /// <paramref name="method"/> <paramref name="pathTemplate"/> (e.g. <c>GET</c>, <c>/requests/{id}</c>, 200).
    /// Returns one line per failed keyword (instance location, keyword, message, schema location); empty when the body
    /// conforms. An operation or status the document does not describe is itself reported.
    /// </summary>
    public IReadOnlyList<string> Validate(string method, string pathTemplate, int status, JsonNode? body)
    {
        var errors = new List<string>();
        if (ResolveResponseSchema(method, pathTemplate, status, errors) is not { } located)
        {
            return errors;
        }

        var schema = _responses.GetOrAdd(located.Pointer, pointer => Build(located.Schema, pointer));
        using var instance = JsonDocument.Parse(body?.ToJsonString() ?? "null");
        var results = schema.Evaluate(instance.RootElement, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        foreach (var detail in results.Details ?? [])
        {
            // A failed branch of a passing anyOf (or of a passing not) is no violation: report a failure only when
            // every enclosing evaluation failed too.
            if (!FailsAllTheWayUp(detail))
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                errors.Add($"{Display(detail.InstanceLocation.ToString())}: {keyword}: {message} [{Display(detail.SchemaLocation.ToString())}]");
            }
        }

        return errors.Count > 0 ? errors : [$"$: invalid [{located.Pointer}]"];
    }

    /// <summary>The JSON schema of a documented response, with its JSON pointer in the spec, or null.</summary>
    public (JsonObject Schema, string Pointer)? ResolveResponseSchema(string method, string pathTemplate, int status, List<string>? errors = null)
    {
        var paths = Document["paths"] as JsonObject;
        var template = pathTemplate.Length > 1 ? pathTemplate.TrimEnd('/') : pathTemplate;
        if (paths?[template] is not JsonObject pathItem)
        {
            errors?.Add(($"{method.ToUpperInvariant()} {pathTemplate}: the path is not in the spec."));
            return null;
        }

        var verb = method.ToLowerInvariant();
        var pointer = $"#/paths/{Escape(template)}/{verb}";
        if (pathItem[verb]?["responses"] is not JsonObject responses)
        {
            errors?.Add(($"{method.ToUpperInvariant()} {pathTemplate}: the operation is not in the spec."));
            return null;
        }

        var code = status.ToString(CultureInfo.InvariantCulture);
        var key = responses.ContainsKey(code) ? code
            : responses.ContainsKey($"{code[0]}XX") ? $"{code[0]}XX"
            : responses.ContainsKey("default") ? "default" : null;
        if (key is null)
        {
            errors?.Add(($"{method.ToUpperInvariant()} {pathTemplate}: status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})."));
            return null;
        }

        pointer += "/responses/" + Escape(key);
        var response = Deref(responses[key], ref pointer);
        if (response?["content"] is not JsonObject content || content.Count == 0)
        {
            errors?.Add(($"{method.ToUpperInvariant()} {pathTemplate} {status}: the spec documents no response body."));
            return null;
        }

        var mediaType = content.ContainsKey("application/json") ? "application/json" : content.First().Key;
        pointer += "/content/" + Escape(mediaType) + "/schema";
        if (Deref(content[mediaType]?["schema"], ref pointer) is not JsonObject schema)
        {
            errors?.Add(($"{method.ToUpperInvariant()} {pathTemplate} {status}: the response has no schema."));
            return null;
        }

        return (schema, pointer);
    }


    private JsonNode? Deref(JsonNode? node, ref string pointer)
    {
        for (var hops = 0; hops < 16 && node is JsonObject obj && obj["$ref"]?.GetValue<string>() is { } reference; hops++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            pointer = reference;
            node = Document;
            foreach (var raw in reference[2..].Split('/'))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                node = node is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
                if (node is null)
                {
                    return null;
                }
            }
        }

        return node;
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private JsonSchema Build(JsonObject schema, string pointer)
    {
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _built, 1) == 0)
            {
                using var definitions = JsonDocument.Parse(OpenApiSchemas.Definitions(Document).ToJsonString());
                JsonSchema.Build(definitions.RootElement.Clone(), _build, OpenApiSchemas.DefinitionsUri);
            }

            var id = new Uri("https://connect.invalid/responses/" + Uri.EscapeDataString(pointer));
            using var response = JsonDocument.Parse(OpenApiSchemas.Response(schema, id).ToJsonString());
            return JsonSchema.Build(response.RootElement.Clone(), _build, id);
        }
    }

    private static bool FailsAllTheWayUp(EvaluationResults detail)
    {
        for (var node = detail; node is not null; node = node.Parent)
        {
            if (node.IsValid)
            {
                return false;
            }
        }

        return true;
    }

    // "/asset/items/0" reads as "$.asset.items[0]"; schema locations are shortened to the component they are in.
    private static string Display(string location)
    {
        if (location.StartsWith("https://", StringComparison.Ordinal))
        {
            var hash = location.IndexOf('#', StringComparison.Ordinal);
            return hash < 0 ? location : Uri.UnescapeDataString(location[(hash + 1)..]).Replace("/$defs/", "#/components/schemas/", StringComparison.Ordinal);
        }

        var path = "$";
        foreach (var segment in location.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : "." + segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return path;
    }
}
