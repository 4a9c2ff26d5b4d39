using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class CatalogTests
{
    [Theory]
    [InlineData("products", 2)]
    [InlineData("marketplaces", 2)]
    [InlineData("accounts", 1)]
    [InlineData("contracts", 2)]
    [InlineData("listings", 4)]
    [InlineData("tier/configs", 3)]
    [InlineData("tier/accounts", 5)]
    [InlineData("products/PRD-100-200-300/items", 2)]
    [InlineData("products/PRD-400-500-600/items", 3)]
    [InlineData("products/PRD-100-200-300/parameters", 8)] // 6 asset and tier parameters, 2 configuration parameters
    [InlineData("products/PRD-100-200-300/templates", 3)]
    [InlineData("assets", 12)]
    public async Task List_DemoSeed_HasExpectedCounts(string path, int count)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(count, reply.Array.Count);
    }

    [Theory]
    [InlineData("products/PRD-100-200-300", "id", "PRD-100-200-300")]
    [InlineData("marketplaces/MP-10001", "currency", "EUR")]
    [InlineData("accounts/VA-610-138", "type", "vendor")]
    [InlineData("contracts/CRD-10001-00001-00001", "type", "distribution")]
    [InlineData("listings/LST-400-500-601", "status", "listed")]
    [InlineData("products/PRD-100-200-300/items/PRD-100-200-300-0001", "mpn", "MPN-A")]
    [InlineData("products/PRD-400-500-600", "capabilities.ppu.schema", "QT")]
    [InlineData("assets/AS-0002-0001-0001", "status", "active")]
    public async Task Get_DemoObject_HasExpectedField(string path, string field, string value)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(value, reply.Json.Str(field));
    }

    [Fact]
    public async Task Get_ProductCapabilities_TierProductNeedsLevel1()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}");

        Assert.Equal(1, reply.Json["capabilities"]!["tiers"]!["configs"]!["level"]!.GetValue<int>());
    }

    [Fact]
    public async Task Templates_FilterByNameAndScope_FindsTheActivationTemplate()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/templates?name=Default%20Activation%20Template&scope=asset&limit=1&offset=0");

        var template = Assert.Single(reply.Array)!;
        Assert.Equal(Demo.ActivationTemplate, template.Str("id"));
        Assert.Equal("fulfillment", template.Str("type"));
        Assert.Null(template["product"]);
    }

    [Fact]
    public async Task Templates_LegacyScopeAndTypeFilter_FindsTier1Template()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/templates/?scope=tier1&type=fulfillment");

        Assert.Equal(Demo.TierTemplate, Assert.Single(reply.Array)!.Str("id"));
    }

    [Fact]
    public async Task Render_LegacyTemplateRoute_AnswersMarkdownWithRequestValues()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"templates/{Demo.ActivationTemplate}/render?request_id={Demo.PendingPurchase}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("text/markdown", reply.ContentType);
        Assert.Contains("tenant `acme`", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithLocalizationHeader_EchoesIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"requests/{Demo.ApprovedUsagePurchase}/render");
        request.Headers.TryAddWithoutValidation("Connect-Localization", "de-DE");

        using var response = await emulator.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("de-DE", Assert.Single(response.Headers.GetValues("Connect-Localization")));
    }

    [Fact]
    public async Task Render_ProductTemplateRoute_AnswersJsonString()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/templates/{Demo.ActivationTemplate}/render?request_id={Demo.PendingPurchase}");

        Assert.Equal("application/json", reply.ContentType);
        Assert.Contains("tenant `acme`", reply.Json.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssetRequests_ListsTheAssetsRequestsInOrder()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("assets/AS-0001-0001-0005/requests");

        Assert.Equal(["purchase", "suspend", "resume"], reply.Array.Select(r => r.Str("type")));
        Assert.Equal("items 0-2/3", reply.ContentRange);
    }

    [Fact]
    public async Task AssetRender_ActiveAsset_AnswersItsActivation()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("assets/AS-0002-0001-0001/render");

        Assert.Equal("text/markdown", reply.ContentType);
        Assert.Contains("ACC-0001", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TierAccount_GetById_AnswersTheAccount()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"tier/accounts/{Demo.ResellerContoso}");

        Assert.Equal("Contoso Reseller", reply.Json.Str("name"));
        Assert.Equal("reseller", reply.Json.Str("type"));
    }

    [Fact]
    public async Task Get_UnknownProductChild_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.UsageProduct}/templates/{Demo.ActivationTemplate}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }

    [Fact]
    public async Task Get_UnknownRoute_Answers404WithErrorBody()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }

    [Fact]
    public async Task Delete_UnsupportedMethod_Answers405WithErrorBody()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.SendAsync(HttpMethod.Delete, $"requests/{Demo.PendingPurchase}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Json_Timestamps_CarryExplicitOffsetUnescaped()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}");

        Assert.Contains("\"created\":\"2026-01-05T09:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("+00:00\"", reply.Text, StringComparison.Ordinal);
        Assert.Equal("5", reply.Json.Str("asset.items.0.quantity"));
    }
}
