using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

public sealed class OpenApiContractTests
{
    [Theory]
    [InlineData("request_purchase.json", "GET", "/requests/{id}")]
    [InlineData("request_purchase_approved.json", "GET", "/requests/{id}")]
    [InlineData("request_purchase_approved.json", "GET", "/requests/{id}/")]
    [InlineData("tier_config_request.json", "GET", "/tier/config-requests/{id}")]
    [InlineData("tier_config_request_approved.json", "GET", "/tier/config-requests/{id}")]
    [InlineData("usage_file.json", "GET", "/usage/files/{id}")]
    [InlineData("asset.json", "GET", "/assets/{id}")]
    public void Validate_RecordedFixture_Conforms(string fixture, string method, string path)
    {
        var violations = OpenApiContract.Shared.Validate(method, path, 200, SharedFiles.LoadFixture(fixture));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Validate_RecordedRequestsAsList_Conforms()
    {
        var list = new JsonArray(SharedFiles.LoadFixture("request_purchase.json"), SharedFiles.LoadFixture("request_purchase_approved.json"));

        var violations = OpenApiContract.Shared.Validate("GET", "/requests", 200, list);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Deviations_Listed_EachHasAReasonAndApplies()
    {
        // Loading the shared contract applies every deviation; one naming a schema or field the document lacks throws.
        var deviations = OpenApiContract.Shared.Deviations;

        Assert.NotEmpty(deviations);
        Assert.All(deviations, d => Assert.False(string.IsNullOrWhiteSpace(d.Reason), $"{d} gives no reason"));
        Assert.Equal(deviations.Count, deviations.Select(d => d.ToString()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Validate_WithoutDeviations_RecordedDocumentsViolateTheDocument()
    {
        var strict = OpenApiContract.Load(SharedFiles.OpenApiDocument, []);

        var violations = strict.Validate("GET", "/tier/config-requests/{id}", 200, SharedFiles.LoadFixture("tier_config_request.json"));

        Assert.Contains(violations, v => v.StartsWith("$.configuration.tier_level:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.params:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$: required:", StringComparison.Ordinal) && v.Contains("sli", StringComparison.Ordinal));
    }

    [Fact]
    public void Deviation_UnknownField_Throws()
    {
        var deviation = new Deviation("dp.TierConfigRequestRead", "no_such_field", "nullable", [], "test");

        Assert.Throws<InvalidDataException>(() => deviation.ApplyTo(OpenApiContract.FromYaml(SyntheticSpec).Document.DeepClone().AsObject()));
    }

    [Fact]
    public void Validate_BrokenRequest_ReportsEachViolation()
    {
        var broken = SharedFiles.LoadFixture("request_purchase.json").AsObject();
        broken["status"] = "bogus";
        broken["answered"] = "no";
        broken["created"] = "yesterday";
        broken["asset"]!["items"] = new JsonObject { ["id"] = "x" };
        broken["asset"]!["product"]!["id"] = 42;
        broken["marketplace"] = "MP-1";
        broken["type"] = null;

        var violations = OpenApiContract.Shared.Validate("GET", "/requests/{id}", 200, broken);

        foreach (var path in new[] { "$.status", "$.answered", "$.created", "$.asset.items", "$.asset.product.id", "$.marketplace", "$.type" })
        {
            Assert.Contains(violations, v => v.StartsWith(path + ":", StringComparison.Ordinal));
        }

        Assert.All(violations, v => Assert.StartsWith("$.", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BrokenListElement_ReportsIndexedPath()
    {
        var bad = SharedFiles.LoadFixture("request_purchase.json");
        bad["status"] = "bogus";

        var violations = OpenApiContract.Shared.Validate("GET", "/requests", 200, new JsonArray(SharedFiles.LoadFixture("request_purchase.json"), bad));

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("$[1].status:", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BrokenUsageFile_ReportsRefSchemaLocation()
    {
        var broken = SharedFiles.LoadFixture("usage_file.json").AsObject();
        broken.Remove("vendor");
        broken["stats"] = new JsonArray();

        var violations = OpenApiContract.Shared.Validate("GET", "/usage/files/{id}", 200, broken);

        Assert.Contains(violations, v => v.StartsWith("$: required:", StringComparison.Ordinal) && v.Contains("\"vendor\"", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.stats: type:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/no/such/path", 200, "the path is not in the spec")]
    [InlineData("PATCH", "/requests/{id}", 200, "the operation is not in the spec")]
    [InlineData("GET", "/requests/{id}", 418, "status 418 is not documented")]
    public void Validate_UndocumentedOperation_ReportsIt(string method, string path, int status, string message)
    {
        var violations = OpenApiContract.Shared.Validate(method, path, status, new JsonObject());

        Assert.Contains(violations, v => v.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ErrorBody_AgainstSharedErrorResponse()
    {
        var good = JsonNode.Parse("""{"error_code":"VAL_001","errors":["name: required"]}""");
        var bad = JsonNode.Parse("""{"error_code":1,"errors":"x"}""");

        Assert.Empty(OpenApiContract.Shared.Validate("POST", "/requests", 400, good));
        var violations = OpenApiContract.Shared.Validate("POST", "/requests", 400, bad);
        Assert.Contains(violations, v => v.StartsWith("$.error_code:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.errors:", StringComparison.Ordinal));
    }

    internal const string SyntheticSpec = """
        openapi: 3.0.3
        paths:
          /things/{id}:
            get:
              responses:
                '200':
                  $ref: '#/components/responses/thing'
                default:
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [error_code]
        components:
          responses:
            thing:
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Thing'
          schemas:
            Thing:
              allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties:
                  count: {type: integer}
                  ratio: {type: number}
                  note: {type: string, nullable: true}
                  kind: {type: string, enum: [a, b]}
                  when: {type: string, format: date-time}
                  tags: {type: array, items: {type: string}}
                  owner:
                    oneOf:
                    - {type: string}
                    - $ref: '#/components/schemas/Base'
            Base:
              type: object
              required: [id, secret]
              properties:
                id: {type: string}
                secret: {type: string, writeOnly: true}
        """;

    [Theory]
    [InlineData("""{"id":"T-1"}""", 0)]
    [InlineData("""{"id":"T-1","count":3,"ratio":0.5,"note":null,"kind":"a","when":"2021-03-19T12:21:32+00:00","tags":["x"],"owner":"me"}""", 0)]
    [InlineData("""{"id":"T-1","owner":{"id":"U-1"},"extra":{"anything":[1,2]}}""", 0)]
    [InlineData("""{"count":3}""", 1)]
    [InlineData("""{"id":"T-1","count":3.5}""", 1)]
    [InlineData("""{"id":"T-1","ratio":"0.5"}""", 1)]
    [InlineData("""{"id":"T-1","kind":"c"}""", 1)]
    [InlineData("""{"id":"T-1","when":"soon"}""", 1)]
    [InlineData("""{"id":"T-1","tags":["x",1,null]}""", 2)]
    [InlineData("""{"id":"T-1","owner":7}""", 1)]
    [InlineData("""{"id":"T-1","owner":{"name":"no id"}}""", 1)]
    [InlineData("""{"id":null}""", 1)]
    [InlineData("""{"id":"T-1","secret":"s"}""", 0)] // a required writeOnly property may be absent from a response...
    [InlineData("""{"id":"T-1","secret":5}""", 1)] // ...but is still checked when present
    [InlineData("""[]""", 2)]
    public void Validate_SyntheticSpec_FindsViolations(string json, int expected)
    {
        var contract = OpenApiContract.FromYaml(SyntheticSpec);

        var violations = contract.Validate("GET", "/things/{id}", 200, JsonNode.Parse(json));

        // The number of keywords a validator reports for one mistake is its own business; whether there is one is not.
        Assert.True(violations.Count > 0 == expected > 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Validate_SyntheticSpec_DefaultResponseUsedForOtherStatuses()
    {
        var contract = OpenApiContract.FromYaml(SyntheticSpec);

        Assert.Empty(contract.Validate("GET", "/things/{id}", 404, JsonNode.Parse("""{"error_code":"X"}""")));
        Assert.NotEmpty(contract.Validate("GET", "/things/{id}", 500, new JsonObject()));
    }

    [Fact]
    public void FromYaml_Scalars_TypedByCoreSchema()
    {
        var contract = OpenApiContract.FromYaml("""
            a: 1
            b: -2.5
            c: true
            d: ~
            e: '1'
            f: plain text
            g: "true"
            h: [x, 2, null]
            i: {j: k}
            """);

        Assert.Equal("""{"a":1,"b":-2.5,"c":true,"d":null,"e":"1","f":"plain text","g":"true","h":["x",2,null],"i":{"j":"k"}}""",
            contract.Document.ToJsonString());
    }
}
