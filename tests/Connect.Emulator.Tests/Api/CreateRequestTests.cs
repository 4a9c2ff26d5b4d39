using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class CreateRequestTests
{
    private const string PurchaseBody = """
        {"type":"purchase","asset":{"external_id":"EXT-1","external_uid":"uid-1","connection":{"id":"CT-0000-0000-0001"},
         "items":[{"global_id":"PRD-100-200-300-0002","quantity":"3"}],
         "params":[{"id":"customer_email","value":"x@y.z"},{"id":"tenant_domain","value":"new-tenant"}],
         "tiers":{"customer":{"name":"New Customer","external_uid":"c-1"},"tier1":{"id":"TIER1"},"tier2":{}}},
         "marketplace":{"id":"MP-10002"}}
        """;

    [Fact]
    public async Task Post_PurchaseWithConfiguredReseller_Answers201Pending()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", PurchaseBody.Replace("TIER1", Demo.ResellerNorthwind, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        var request = reply.Json;
        Assert.Matches(@"^PR-\d{4}-\d{4}-\d{4}-001$", request.Str("id"));
        Assert.Equal(request.Str("asset.id")[3..], request.Str("id")[3..^4]);
        Assert.Equal("pending", request.Str("status"));
        Assert.Equal("3", request.Str("asset.items.0.quantity"));
        Assert.Equal("0", request.Str("asset.items.0.old_quantity"));
        Assert.Equal("MP-10002", request.Str("marketplace.id"));
        Assert.Equal("CRD-10002-00001-00001", request.Str("contract.id"));
        Assert.Equal("EXT-1", request.Str("asset.external_id"));
        Assert.StartsWith("TA-", request.Str("asset.tiers.customer.id"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, request.Param("subscription_id").Str("value"));
        Assert.Equal("processing", (await emulator.Api.FetchAsync($"assets/{request.Str("asset.id")}")).Json.Str("status"));
    }

    [Fact]
    public async Task Post_PurchaseWithUnconfiguredReseller_WaitsInTiersSetupWithNewTcr()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", PurchaseBody.Replace("TIER1", "TA-5555-5555-5555", StringComparison.Ordinal));
        var tcrs = await emulator.Api.FetchAsync("tier/config-requests?configuration.account.id=TA-5555-5555-5555");

        Assert.Equal("tiers_setup", reply.Json.Str("status"));
        var tcr = Assert.Single(tcrs.Array)!;
        Assert.Equal("pending", tcr.Str("status"));
        Assert.Equal("setup", tcr.Str("type"));

        await emulator.Api.PostAsync($"tier/config-requests/{tcr.Str("id")}/approve", $$"""{ "template":{ "id":"{{Demo.TierTemplate}}" } }""");
        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{reply.Json.Str("id")}")).Json.Str("status"));
    }

    [Fact]
    public async Task Post_PurchaseWithUnknownParameter_Answers400Req002()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", PurchaseBody.Replace("tenant_domain", "bogus", StringComparison.Ordinal));

        Assert.Equal("REQ_002", reply.ErrorCode);
    }

    [Fact]
    public async Task Post_PurchaseWithUnknownItem_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", PurchaseBody.Replace("PRD-100-200-300-0002", "PRD-100-200-300-0099", StringComparison.Ordinal)
            .Replace("\"connection\":{\"id\":\"CT-0000-0000-0001\"},", "\"product\":{\"id\":\"PRD-100-200-300\"},", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Post_ChangeOnActiveAsset_CarriesOldAndNewQuantities()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", """{"type":"change","asset":{"id":"AS-0002-0001-0001","items":[{"mpn":"MPN-PPU-CALLS","quantity":"0"},{"mpn":"MPN-BASE","quantity":"2"}]}}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("change", reply.Json.Str("type"));
        Assert.Equal("pending", reply.Json.Str("status"));
        Assert.Equal("2", reply.Json.Str("asset.items.1.quantity"));
        Assert.Equal("0", reply.Json.Str("asset.items.1.old_quantity"));
    }

    [Theory]
    [InlineData("resume", "AS-0002-0001-0001")]
    [InlineData("suspend", "AS-0001-0001-0001")]
    [InlineData("cancel", "AS-0001-0001-0003")]
    [InlineData("suspend", "AS-9999-9999-9999")]
    public async Task Post_RequestNotAllowedForAsset_Answers400Req005(string type, string assetId)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", $$"""{ "type":"{{type}}","asset":{ "id":"{{assetId}}" } }""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_005", reply.ErrorCode);
    }

    [Fact]
    public async Task Post_UnknownType_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("requests", """{"type":"teleport","asset":{"id":"AS-0002-0001-0001"}}""");

        Assert.Equal("VAL_001", reply.ErrorCode);
    }
}
