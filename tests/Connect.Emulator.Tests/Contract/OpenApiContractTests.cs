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
    public void ValidateDetailed_Strict_ReportsTheKnownDeviations()
    {
        var violations = OpenApiContract.Shared.ValidateDetailed(
            "GET", "/tier/config-requests/{id}", 200, SharedFiles.LoadFixture("tier_config_request.json"), strict: true);

        Assert.Contains(violations, v => v.Path == "$.configuration.tier_level" && v.Rule == "type");
        Assert.Contains(violations, v => v.Path == "$.params" && v.Rule == "type");
        Assert.Contains(violations, v => v.Rule == "required:sli");
        Assert.All(violations, v => Assert.Contains(OpenApiContract.KnownDeviations, k => k.Covers(v)));
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

        Assert.Contains(violations, v => v.StartsWith("$.status: string \"bogus\" is not one of", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.answered: expected boolean, found string", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.created: \"yesterday\" is not a valid datetime", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.asset.items: expected array, found object", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.asset.product.id: expected string, found number 42", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.marketplace: expected object", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.type: null, but the schema is not nullable", StringComparison.Ordinal));
        Assert.Equal(7, violations.Count);
        Assert.All(violations, v => Assert.Contains("[#/paths/~1requests~1{id}/get/responses/200/", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BrokenListElement_ReportsIndexedPath()
    {
        var bad = SharedFiles.LoadFixture("request_purchase.json");
        bad["status"] = "bogus";

        var violations = OpenApiContract.Shared.Validate("GET", "/requests", 200, new JsonArray(SharedFiles.LoadFixture("request_purchase.json"), bad));

        Assert.Single(violations);
        Assert.StartsWith("$[1].status:", violations[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenUsageFile_ReportsRefSchemaLocation()
    {
        var broken = SharedFiles.LoadFixture("usage_file.json").AsObject();
        broken.Remove("vendor");
        broken["stats"] = new JsonArray();

        var violations = OpenApiContract.Shared.Validate("GET", "/usage/files/{id}", 200, broken);

        Assert.Contains(violations, v => v.StartsWith("$: required property 'vendor' is missing", StringComparison.Ordinal)
            && v.Contains("#/components/schemas/usage.UsageFileDetail", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.stats: expected object", StringComparison.Ordinal));
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
        Assert.Equal(2, OpenApiContract.Shared.Validate("POST", "/requests", 400, bad).Count);
    }

    private const string SyntheticSpec = """
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
    public void Validate_SyntheticSpec_CountsViolations(string json, int expected)
    {
        var contract = OpenApiContract.FromYaml(SyntheticSpec);

        var violations = contract.Validate("GET", "/things/{id}", 200, JsonNode.Parse(json));

        Assert.True(violations.Count == expected, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Validate_SyntheticSpec_DefaultResponseUsedForOtherStatuses()
    {
        var contract = OpenApiContract.FromYaml(SyntheticSpec);

        Assert.Empty(contract.Validate("GET", "/things/{id}", 404, JsonNode.Parse("""{"error_code":"X"}""")));
        Assert.Single(contract.Validate("GET", "/things/{id}", 500, new JsonObject()));
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
