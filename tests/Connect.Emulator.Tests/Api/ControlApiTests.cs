using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class ControlApiTests
{
    [Fact]
    public async Task Generate_CreatesPendingPurchasesForTheProduct()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":250,"status":"pending"}""");
        var pending = await emulator.Api.FetchAsync($"requests?status=pending&asset.product.id={Demo.UsageProduct}&limit=0");
        var first = await emulator.Api.FetchAsync($"requests/{reply.Json.Str("ids.0")}");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(250, reply.Json["count"]!.GetValue<int>());
        Assert.Equal("items 0-0/251", pending.ContentRange);
        Assert.Equal("purchase", first.Json.Str("type"));
        Assert.Equal("processing", first.Json.Str("asset.status"));
        Assert.Equal("customer_email value", first.Json.Param("customer_email").Str("value"));
    }

    [Fact]
    public async Task Generate_AfterACachedList_ListSeesTheNewRequests()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = await emulator.Api.FetchAsync("requests?status=pending&limit=2&offset=0");

        await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":5}""");
        var after = await emulator.Api.FetchAsync("requests?status=pending&limit=2&offset=10");

        Assert.Equal("items 0-1/7", before.ContentRange);
        Assert.Equal("items 10-11/12", after.ContentRange);
    }

    [Theory]
    [InlineData("""{"count":5}""")]
    [InlineData("""{"product_id":"PRD-000-000-000","count":5}""")]
    [InlineData($$"""{"product_id":"{{Demo.UsageProduct}}","count":0}""")]
    [InlineData($$"""{"product_id":"{{Demo.UsageProduct}}","count":5,"status":"approved"}""")]
    public async Task Generate_BadInput_Answers400(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PostAsync("requests/generate", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Generate_GeneratedRequestsCanBeApproved()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":3}""")).Json.Str("ids.2");
        await emulator.Api.PutAsync($"requests/{id}", """{"asset":{"params":[{"id":"account_id","value":"ACC-77"}]}}""");

        var reply = await emulator.Api.PostAsync($"requests/{id}/approve", """{"template_id":"TL-400-500-601"}""");

        Assert.Equal("approved", reply.Json.Str("status"));
        Assert.Contains("ACC-77", reply.Json.Str("activation_key"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ByObjectId_ListsEveryTransitionWithKeyId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Api.PostAsync($"requests/{Demo.MissingParamPurchase}/inquire", "{}");
        await emulator.Api.PostAsync($"requests/{Demo.MissingParamPurchase}/pend");

        var reply = await emulator.Control.FetchAsync($"audit?object_id={Demo.MissingParamPurchase}");

        Assert.Equal(["create", "inquire", "pend"], reply.Array.Select(e => e.Str("action")));
        Assert.Equal(["pending", "inquiring", "pending"], reply.Array.Select(e => e.Str("to")));
        Assert.Equal("pending", reply.Array[1].Str("from"));
        Assert.All(reply.Array, e => Assert.Equal("SU-000-000-000", e.Str("api_key_id")));
        Assert.Equal("items 0-2/3", reply.ContentRange);
    }

    [Fact]
    public async Task Audit_AssetTransitions_AreRecorded()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.Api.PostAsync($"requests/{Demo.PendingSuspend}/approve", """{"template_id":"TL-100-200-301"}""");

        var reply = await emulator.Control.FetchAsync("audit?object_id=AS-0001-0001-0004");
        var last = reply.Array[^1]!;
        Assert.Equal("active", last.Str("from"));
        Assert.Equal("suspended", last.Str("to"));
        Assert.Equal("request:approve", last.Str("action"));
    }

    [Fact]
    public async Task Reset_RestoresTheSeed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":10}""");
        await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/fail", """{"reason":"x"}""");

        var reset = await emulator.Control.PostAsync("reset");

        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal($"items 0-0/{Demo.RequestCount}", (await emulator.Api.FetchAsync("requests?limit=0")).ContentRange);
        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}")).Json.Str("status"));
        Assert.Single((await emulator.Control.FetchAsync($"audit?object_id={Demo.PendingPurchase}")).Array);
    }

    [Fact]
    public async Task Reset_WithSeedNone_EmptiesTheStore()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.Control.PostAsync("reset", """{"seed":"none"}""");

        Assert.Equal("items 0-0/0", (await emulator.Api.FetchAsync("products")).ContentRange);
    }

    [Fact]
    public async Task CreateRequest_ShortPurchaseForm_CreatesPendingPreviewSubscription()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PostAsync("requests",
            $$"""{"type":"purchase","product_id":"{{Demo.TierProduct}}","tier1_id":"{{Demo.ResellerNorthwind}}","params":[{"id":"customer_email","value":"a@b.c"}]}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("pending", reply.Json.Str("status"));
        Assert.Equal("MPN-A", reply.Json.Str("asset.items.0.mpn"));
        Assert.Equal("a@b.c", reply.Json.Param("customer_email").Str("value"));
    }

    [Fact]
    public async Task CreateRequest_ShortCancelForm_CreatesCancelForActiveAsset()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PostAsync("requests", """{"type":"cancel","asset_id":"AS-0002-0001-0001"}""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("PR-0002-0001-0001-002", reply.Json.Str("id"));
        Assert.Equal("cancel", reply.Json.Str("type"));
    }
}
