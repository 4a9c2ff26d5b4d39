using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Validates JSON response bodies against the response schemas of the published Connect OpenAPI 3.0 spec
/// (<c>contract/connect-openapi30-v37.yml</c>). A compact validator for the subset the spec uses: <c>$ref</c>,
/// <c>type</c>, <c>properties</c>, <c>required</c>, <c>items</c>, <c>enum</c>, <c>nullable</c>,
/// <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> and the date-time formats. It is deliberately lenient where the spec is
/// known to be loose: additional properties are always allowed, <c>oneOf</c> needs at least one (not exactly one)
/// matching branch, and <c>readOnly</c>/<c>writeOnly</c>/length limits are not checked.
/// </summary>
internal sealed class OpenApiContract
{
    private const int MaxDepth = 100;

    private static readonly Lazy<OpenApiContract> SharedInstance =
        new(() => Load(SharedFiles.OpenApiDocument));

    private OpenApiContract(JsonObject document) => Document = document;

    /// <summary>
    /// Places where recorded real Connect documents (<c>contract/fixtures</c>) contradict the v37 spec. The
    /// emulator copies the real documents, so these are not violations unless validation is strict.
    /// </summary>
    public static IReadOnlyList<KnownDeviation> KnownDeviations { get; } =
    [
        new("#/components/schemas/usage.UsageFileDetail", "required:external_id",
            "fixtures/usage_file.json (recorded GET /usage/files/{id}) has no external_id"),
        new("#/components/schemas/dp.TierConfigRequestRead", "required:parent_configuration",
            "fixtures/tier_config_request.json (recorded TCR) has no parent_configuration"),
        new("#/components/schemas/dp.TierConfigRequestRead", "required:assignee",
            "fixtures/tier_config_request.json: an unassigned TCR has no assignee"),
        new("#/components/schemas/dp.TierConfigRequestRead", "required:sli",
            "fixtures/tier_config_request.json has no sli"),
        new("#/components/schemas/dp.TierConfigRequestRead/properties/params", "type",
            "the spec types params as a string; every recorded TCR has an array of parameters"),
        new("#/components/schemas/dp.TierConfiguration/properties/tier_level", "type",
            "the spec types tier_level as a string; recorded TCRs carry the number 1 or 2"),
        new("#/components/schemas/dp.ConnectionCreateTierConfigReference/properties/type", "enum",
            "recorded TCRs have connection type 'preview', which the spec's enum omits"),
        new("#/components/schemas/dp.ConnectionBase/properties/type", "enum",
            "fixtures/asset.json (recorded asset) has connection type 'preview', which the spec's enum omits"),
        new("#/components/schemas/dp.TierConfigRequestRead/properties/tiers/properties/tier2", "nullable",
            "fixtures/tier_config_request_approved.json: a tier-1 TCR has tiers.tier2 = null"),
        new("#/components/schemas/dp.Subscription/properties/items/items/properties/quantity", "type",
            "the spec types item quantities as numbers; Connect sends them as strings (\"1\"), see contract/api-contract.md section 1"),
        new("#/components/schemas/dp.Subscription/properties/params/items", "type",
            "the spec types each asset parameter as an array; fixtures/asset.json has parameter objects"),
        new("#/components/schemas/dp.TierConfigurationDetail/properties/tier_level", "type",
            "the spec types a tier config's tier_level as a string (with the enum [1, 2] of numbers); the tier config embedded in "
            + "fixtures/tier_config_request.json (configuration) carries the number 1"),
        new("#/components/schemas/dp.PayAsYouGo", "nullable",
            "fixtures/product.json (recorded GET /products/{id}): a product without pay-per-use has capabilities.ppu = null"),
        new("#/components/schemas/dp.TiersConfigs/properties/level", "type",
            "the spec types capabilities.tiers.configs.level as a string (with the enum [1, 2] of numbers); fixtures/product.json has the number 2"),
        new("/properties/assignee", "type",
            "the spec types a request's assignee as a string; recorded requests carry \"\" or an object {id, name, email}",
            MatchSuffix: true),
    ];

    /// <summary>The v37 spec, parsed once per test run.</summary>
    public static OpenApiContract Shared => SharedInstance.Value;

    /// <summary>The whole spec as JSON.</summary>
    public JsonObject Document { get; }

    /// <summary>Builds a contract from YAML text (for tests of the validator itself).</summary>
    public static OpenApiContract FromYaml(string yaml)
    {
        using var reader = new StringReader(yaml);
        return new OpenApiContract(YamlJson.Parse(reader) as JsonObject
            ?? throw new InvalidDataException("The YAML is not a mapping."));
    }

    public static OpenApiContract Load(string path)
    {
        using var reader = new StreamReader(path);
        return new OpenApiContract(YamlJson.Parse(reader) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a YAML mapping."));
    }

    /// <summary>
    /// Checks <paramref name="body"/> against the JSON schema of the response <paramref name="status"/> of
    /// <paramref name="method"/> <paramref name="pathTemplate"/> (e.g. <c>GET</c>, <c>/requests/{id}</c>, 200).
    /// Returns human-readable violations (instance path, rule, schema location); empty when the body conforms.
    /// An operation or status the spec does not document is itself reported as a violation.
    /// </summary>
    public IReadOnlyList<string> Validate(string method, string pathTemplate, int status, JsonNode? body) =>
        ValidateDetailed(method, pathTemplate, status, body, strict: false).Select(v => v.ToString()).ToList();

    /// <summary>
    /// Like <see cref="Validate"/>, with structured violations. Unless <paramref name="strict"/>, violations listed
    /// in <see cref="KnownDeviations"/> (places where real Connect documents contradict the spec) are left out.
    /// </summary>
    public IReadOnlyList<ContractViolation> ValidateDetailed(
        string method, string pathTemplate, int status, JsonNode? body, bool strict, IReadOnlyCollection<KnownDeviation>? alsoAllowed = null)
    {
        var errors = new List<ContractViolation>();
        if (ResolveResponseSchema(method, pathTemplate, status, errors) is { } located)
        {
            Check(body, located.Schema, "$", located.Pointer, errors, 0);
        }

        return strict
            ? errors
            : errors.Where(e => !KnownDeviations.Any(k => k.Covers(e)) && !(alsoAllowed?.Any(k => k.Covers(e)) ?? false)).ToList();
    }

    /// <summary>The JSON schema of a documented response, with its JSON pointer in the spec, or null.</summary>
    public (JsonObject Schema, string Pointer)? ResolveResponseSchema(string method, string pathTemplate, int status, List<ContractViolation>? errors = null)
    {
        var paths = Document["paths"] as JsonObject;
        var template = pathTemplate.Length > 1 ? pathTemplate.TrimEnd('/') : pathTemplate;
        if (paths?[template] is not JsonObject pathItem)
        {
            errors?.Add(new ContractViolation("$", "operation", "#/paths", $"{method.ToUpperInvariant()} {pathTemplate}: the path is not in the spec."));
            return null;
        }

        var verb = method.ToLowerInvariant();
        var pointer = $"#/paths/{Escape(template)}/{verb}";
        if (pathItem[verb]?["responses"] is not JsonObject responses)
        {
            errors?.Add(new ContractViolation("$", "operation", "#/paths", $"{method.ToUpperInvariant()} {pathTemplate}: the operation is not in the spec."));
            return null;
        }

        var code = status.ToString(CultureInfo.InvariantCulture);
        var key = responses.ContainsKey(code) ? code
            : responses.ContainsKey($"{code[0]}XX") ? $"{code[0]}XX"
            : responses.ContainsKey("default") ? "default" : null;
        if (key is null)
        {
            errors?.Add(new ContractViolation("$", "operation", pointer, $"{method.ToUpperInvariant()} {pathTemplate}: status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})."));
            return null;
        }

        pointer += "/responses/" + Escape(key);
        var response = Deref(responses[key], ref pointer);
        if (response?["content"] is not JsonObject content || content.Count == 0)
        {
            errors?.Add(new ContractViolation("$", "operation", "#/paths", $"{method.ToUpperInvariant()} {pathTemplate} {status}: the spec documents no response body."));
            return null;
        }

        var mediaType = content.ContainsKey("application/json") ? "application/json" : content.First().Key;
        pointer += "/content/" + Escape(mediaType) + "/schema";
        if (Deref(content[mediaType]?["schema"], ref pointer) is not JsonObject schema)
        {
            errors?.Add(new ContractViolation("$", "operation", "#/paths", $"{method.ToUpperInvariant()} {pathTemplate} {status}: the response has no schema."));
            return null;
        }

        return (schema, pointer);
    }

    private void Check(JsonNode? value, JsonObject schema, string at, string pointer, List<ContractViolation> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (schema["$ref"] is not null)
        {
            if (Deref(schema, ref pointer) is not JsonObject target)
            {
                errors.Add(new ContractViolation(at, "ref", pointer, $"unresolvable $ref {schema["$ref"]}"));
                return;
            }

            schema = target;
        }

        if (value is null)
        {
            var nullable = schema["nullable"]?.GetValueKind() == JsonValueKind.True;
            var enumAllowsNull = schema["enum"] is JsonArray list && list.Any(item => item is null);
            if (!nullable && !enumAllowsNull && schema["type"] is not null)
            {
                errors.Add(new ContractViolation(at, "nullable", pointer, $"null, but the schema is not nullable (type {schema["type"]})"));
            }

            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                if (allOf[i] is JsonObject part)
                {
                    Check(value, part, at, $"{pointer}/allOf/{i}", errors, depth + 1);
                }
            }
        }

        foreach (var keyword in (ReadOnlySpan<string>)["oneOf", "anyOf"])
        {
            if (schema[keyword] is not JsonArray branches || branches.Count == 0)
            {
                continue;
            }

            List<ContractViolation>? firstFailure = null;
            var matched = false;
            for (var i = 0; i < branches.Count && !matched; i++)
            {
                if (branches[i] is not JsonObject branch)
                {
                    continue;
                }

                var branchErrors = new List<ContractViolation>();
                Check(value, branch, at, $"{pointer}/{keyword}/{i}", branchErrors, depth + 1);
                matched = branchErrors.Count == 0;
                firstFailure ??= branchErrors;
            }

            if (!matched)
            {
                errors.Add(new ContractViolation(at, keyword, pointer, $"matches none of the {branches.Count} {keyword} branches (first branch: {string.Join("; ", firstFailure?.Take(3) ?? [])})"));
            }
        }

        var type = schema["type"]?.GetValue<string>();
        if (type is not null && !HasType(value, type))
        {
            errors.Add(new ContractViolation(at, "type", pointer, $"expected {type}, found {Describe(value)}"));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(new ContractViolation(at, "enum", pointer, $"{Describe(value)} is not one of [{string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"))}]"));
        }

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && schema["format"]?.GetValue<string>() is { } format)
        {
            CheckFormat(scalar.GetValue<string>(), format, at, pointer, errors);
        }

        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required)
            {
                foreach (var name in required)
                {
                    // OpenAPI 3.0: a required writeOnly property is required in requests only (these are responses).
                    if (name?.GetValueKind() == JsonValueKind.String && !obj.ContainsKey(name.GetValue<string>())
                        && schema["properties"]?[name.GetValue<string>()]?["writeOnly"]?.GetValueKind() != JsonValueKind.True)
                    {
                        errors.Add(new ContractViolation(at, "required:" + name.GetValue<string>(), pointer, $"required property '{name}' is missing"));
                    }
                }
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, propertySchema) in properties)
                {
                    if (propertySchema is JsonObject ps && obj.TryGetPropertyValue(name, out var propertyValue))
                    {
                        Check(propertyValue, ps, $"{at}.{name}", $"{pointer}/properties/{Escape(name)}", errors, depth + 1);
                    }
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{at}[{i}]", $"{pointer}/items", errors, depth + 1);
            }
        }
    }

    private static void CheckFormat(string text, string format, string at, string pointer, List<ContractViolation> errors)
    {
        var ok = format switch
        {
            "date-time" or "datetime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok)
        {
            errors.Add(new ContractViolation(at, "format", pointer, $"\"{text}\" is not a valid {format}"));
        }
    }

    private static bool HasType(JsonNode value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value.GetValueKind() == JsonValueKind.String,
        "boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value.GetValueKind() == JsonValueKind.Number,
        "integer" => value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<decimal>(out var d) && decimal.Truncate(d) == d,
        _ => true,
    };

    private static string Describe(JsonNode value)
    {
        var text = value.ToJsonString();
        var kind = value.GetValueKind().ToString().ToLowerInvariant();
        return value is JsonValue ? $"{kind} {(text.Length > 60 ? text[..60] + "..." : text)}" : kind;
    }

    // Follows $ref chains ("#/components/..."); updates the pointer to the target.
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
}

/// <summary>One schema violation: where in the body, which rule, where in the spec.</summary>
internal sealed record ContractViolation(string Path, string Rule, string SchemaPointer, string Detail)
{
    public override string ToString() => $"{Path}: {Detail} (rule {Rule}) [{SchemaPointer}]";
}

/// <summary>A documented, evidence-backed place where real Connect documents differ from the spec.</summary>
/// <param name="SchemaPointer">The schema's JSON pointer in the spec (or its suffix, with <paramref name="MatchSuffix"/>).</param>
/// <param name="Rule">The violated rule, as in <see cref="ContractViolation.Rule"/>.</param>
/// <param name="Evidence">Why this is not a defect of the emulator.</param>
/// <param name="MatchSuffix">Match every schema whose pointer ends with <paramref name="SchemaPointer"/>.</param>
internal sealed record KnownDeviation(string SchemaPointer, string Rule, string Evidence, bool MatchSuffix = false)
{
    public bool Covers(ContractViolation violation) =>
        string.Equals(violation.Rule, Rule, StringComparison.Ordinal)
        && (MatchSuffix
            ? violation.SchemaPointer.EndsWith(SchemaPointer, StringComparison.Ordinal)
            : string.Equals(violation.SchemaPointer, SchemaPointer, StringComparison.Ordinal));
}
