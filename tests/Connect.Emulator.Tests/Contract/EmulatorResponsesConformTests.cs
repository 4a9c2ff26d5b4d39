using System.Net;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// The emulator's real responses for the main routes, validated against the published OpenAPI v37 schemas
/// (the deviations listed in <c>contract/deviations.json</c> are tolerated: see <see cref="Deviation"/>).
/// </summary>
public sealed class EmulatorResponsesConformTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public static TheoryData<string, string> GetRoutes() => new()
    {
        { "/requests", "requests?limit=5" },
        { "/requests/{id}", $"requests/{Demo.PendingPurchase}" },
        { "/requests/{id}", $"requests/{Demo.TiersSetupContoso1}" },
        { "/assets", "assets?limit=5" },
        { "/assets/{id}", $"assets/{Demo.PendingPurchaseAsset}" },
        { "/assets/{asset_id}/requests", $"assets/{Demo.PendingPurchaseAsset}/requests" },
        { "/tier/config-requests", "tier/config-requests?limit=5" },
        { "/tier/configs", "tier/configs?limit=5" },
        { "/products", "products" },
        { "/products/{product_id}", $"products/{Demo.TierProduct}" },
        { "/products/{product_product_id}/templates", $"products/{Demo.TierProduct}/templates" },
        { "/products/{product_product_id}/templates/{id}", $"products/{Demo.TierProduct}/templates/{Demo.ActivationTemplate}" },
        { "/marketplaces", "marketplaces" },
        { "/accounts", "accounts" },
        { "/contracts", "contracts" },
        { "/listings", "listings" },
        { "/conversations", $"conversations?instance_id={Demo.PendingPurchase}" },
        { "/requests/{id}", $"requests/{Demo.InquiringPurchase}" },
        { "/requests/{id}", $"requests/{Demo.ApprovedUsagePurchase}" },
        { "/requests/{id}", $"requests/{Demo.PendingChange}" },
        { "/products/{product_id}", $"products/{Demo.UsageProduct}" },
        { "/products/{product_product_id}/parameters", $"products/{Demo.TierProduct}/parameters" },
    };

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Get_MainRoute_ConformsToOpenApiSchema(string pathTemplate, string path)
    {
        var reply = await _emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var violations = OpenApiContract.Shared.Validate("get", pathTemplate, 200, reply.Json);
        Assert.True(violations.Count == 0, $"GET {path} violates {pathTemplate}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Routes of single objects whose ids the seed generates: the id is the first of <c>lookup</c>'s answer, and the
    /// fetched path is <c>collection/{id}suffix</c>.
    /// </summary>
    public static TheoryData<string, string, string, string> GetObjectRoutes() => new()
    {
        { "/tier/config-requests/{id}", "tier/config-requests?status=approved", "tier/config-requests", "" },
        { "/tier/config-requests/{id}", "tier/config-requests?status=pending", "tier/config-requests", "" },
        { "/tier/configs/{id}", "tier/configs?status=active", "tier/configs", "" },
        { "/tier/configs/{id}", "tier/configs?status=processing", "tier/configs", "" },
        { "/marketplaces/{id}", "marketplaces", "marketplaces", "" },
        { "/accounts/{pk}", "accounts", "accounts", "" },
        { "/contracts/{id}", "contracts", "contracts", "" },
        { "/listings/{id}", "listings", "listings", "" },
        { "/products/{product_product_id}/parameters/{parameter__verbose_id}", $"products/{Demo.TierProduct}/parameters", $"products/{Demo.TierProduct}/parameters", "" },
        { "/conversations/{id}", $"conversations?instance_id={Demo.PendingPurchase}", "conversations", "" },
        { "/conversations/{id}", $"conversations?instance_id={Demo.InquiringPurchase}", "conversations", "" },
        { "/conversations/{conversation_id}/messages", $"conversations?instance_id={Demo.InquiringPurchase}", "conversations", "/messages" },
    };

    [Theory]
    [MemberData(nameof(GetObjectRoutes))]
    public async Task Get_ObjectRoute_ConformsToOpenApiSchema(string pathTemplate, string lookup, string collection, string suffix)
    {
        var found = await _emulator.Api.FetchAsync(lookup);
        Assert.Equal(HttpStatusCode.OK, found.Status);
        var path = $"{collection}/{found.Array[0].Str("id")}{suffix}";

        var reply = await _emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("get", pathTemplate, 200, reply.Json);
    }

    [Fact]
    public async Task Approve_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        // The purchase needs its required fulfillment parameter before it can be approved (REQ_003 otherwise).
        await _emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"subscription_id","value":"SUB-0001"}]}}""");

        var reply = await _emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/requests/{id}/approve", 200, reply.Json);
    }

    [Fact]
    public async Task Inquire_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        var reply = await _emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/inquire", $$"""{"template_id":"{{Demo.InquireTemplate}}"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/requests/{id}/inquire", 200, reply.Json);
    }

    [Fact]
    public async Task Fail_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        var reply = await _emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/fail", """{"reason":"Out of stock"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/requests/{id}/fail", 200, reply.Json);
    }

    [Fact]
    public async Task Approve_PendingTierConfigRequest_ResponseConformsToOpenApiSchema()
    {
        var pending = await _emulator.Api.FetchAsync("tier/config-requests?status=pending&limit=1");
        var id = pending.Array[0].Str("id");

        var reply = await _emulator.Api.PostAsync($"tier/config-requests/{id}/approve", $$"""{ "template":{ "id":"{{Demo.TierTemplate}}" } }""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/tier/config-requests/{id}/approve", 200, reply.Json);
        var fetched = await _emulator.Api.FetchAsync($"tier/config-requests/{id}");
        AssertConforms("get", "/tier/config-requests/{id}", 200, fetched.Json);
    }

    [Fact]
    public async Task Create_Purchase_ResponseConformsToOpenApiSchema()
    {
        var body = $$"""
            { "type":"purchase","marketplace":{ "id":"MP-10001" },
              "asset":{ "external_id":"contract-1","product":{ "id":"{{Demo.TierProduct}}" },"items":[{ "mpn":"MPN-A","quantity":"2" }],
                        "params":[{ "id":"customer_email","value":"a@example.com" },{ "id":"tenant_domain","value":"contract-1" }],
                        "tiers":{ "customer":{ "id":"{{Demo.CustomerAcme}}" },"tier1":{ "id":"{{Demo.ResellerNorthwind}}" },"tier2":{} } } }
            """;

        var reply = await _emulator.Api.PostAsync("requests", body);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        AssertConforms("post", "/requests", 201, reply.Json);
    }

    [Fact]
    public async Task Update_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        var reply = await _emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"param_b","value":"B"}]}}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("put", "/requests/{id}", 200, reply.Json);
    }

    [Fact]
    public async Task Assign_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        var reply = await _emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/assign", """{"id":"UR-123-456-789"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/requests/{id}/assign", 200, reply.Json);
    }

    [Fact]
    public async Task Close_Conversation_ResponseConformsToOpenApiSchema()
    {
        var conversation = await _emulator.Api.FetchAsync($"conversations?instance_id={Demo.PendingPurchase}");

        var reply = await _emulator.Api.PostAsync($"conversations/{conversation.Array[0].Str("id")}/close");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        AssertConforms("post", "/conversations/{id}/close", 200, reply.Json);
    }

    [Fact]
    public async Task PostMessage_Conversation_ResponseConformsToOpenApiSchema()
    {
        var conversation = await _emulator.Api.FetchAsync($"conversations?instance_id={Demo.PendingPurchase}");
        var id = conversation.Array[0].Str("id");

        var reply = await _emulator.Api.PostAsync($"conversations/{id}/messages", """{"text":"Any news on this order?"}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        AssertConforms("post", "/conversations/{conversation_id}/messages", 201, reply.Json);
    }

    [Fact]
    public async Task Validate_BrokenDocument_ReportsViolations()
    {
        // Guards the test above against a validator that accepts anything.
        var reply = await _emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}");
        var broken = reply.Json.AsObject();
        broken["status"] = 12345;

        var violations = OpenApiContract.Shared.Validate("get", "/requests/{id}", 200, broken);

        Assert.NotEmpty(violations);
    }

    private static void AssertConforms(string method, string pathTemplate, int status, JsonNode body)
    {
        var violations = OpenApiContract.Shared.Validate(method, pathTemplate, status, body);
        Assert.True(violations.Count == 0, $"{method.ToUpperInvariant()} {pathTemplate} {status} violates the spec:\n" + string.Join("\n", violations));
    }
}
