using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class SeedApiTests
{
    private const string Request = """
        {"requests":[{"id":"PR-9000-0000-0001-001","type":"purchase","status":"pending","created":"2026-01-05T09:00:00+00:00",
          "asset":{"id":"AS-9000-0000-0001","status":"processing","product":{"id":"PRD-100-200-300"},
            "connection":{"id":"CT-0000-0000-0001","type":"preview","vendor":{"id":"VA-610-138","name":"Demo Vendor"}},
            "items":[{"id":"PRD_100_200_300_0001","global_id":"PRD-100-200-300-0001","mpn":"MPN-A","quantity":"4"}],
            "params":[{"id":"subscription_id","phase":"fulfillment","value":"","constraints":{"required":true}}]}}]}
        """;

    [Fact]
    public async Task Seed_Request_StoresItAndItsAssetAsGiven()
    {
        await using var emulator = await TestEmulator.StartAsync(seed: "none");

        var reply = await emulator.Control.PostAsync("seed", Request);
        var request = await emulator.Api.FetchAsync("requests/PR-9000-0000-0001-001");
        var asset = await emulator.Api.FetchAsync("assets/AS-9000-0000-0001");
        var conversation = await emulator.Api.FetchAsync("conversations/PR-9000-0000-0001-001");
        var audit = await emulator.Control.FetchAsync("audit?object_id=PR-9000-0000-0001-001");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("PR-9000-0000-0001-001", reply.Json.Str("requests.0"));
        Assert.Equal("4", request.Json.Str("asset.items.0.quantity"));
        Assert.Equal("processing", asset.Json.Str("status"));
        Assert.Equal(HttpStatusCode.OK, conversation.Status);
        Assert.Equal(("seed", "pending"), (audit.Array[0].Str("action"), audit.Array[0].Str("to")));
    }

    [Fact]
    public async Task Seed_Request_CanBeProcessedLikeAnyOther()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Control.PostAsync("seed", Request);

        await emulator.Api.PutAsync("requests/PR-9000-0000-0001-001", """{"asset":{"params":[{"id":"subscription_id","value":"S-1"}]}}""");
        var approved = await emulator.Api.PostAsync("requests/PR-9000-0000-0001-001/approve", """{"template_id":"TL-100-200-301"}""");
        var asset = await emulator.Api.FetchAsync("assets/AS-9000-0000-0001");

        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("approved", approved.Json.Str("status"));
        Assert.Equal("active", asset.Json.Str("status"));
    }

    [Fact]
    public async Task Seed_AfterReset_IsGone()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Control.PostAsync("seed", Request);

        await emulator.Control.PostAsync("reset");
        var request = await emulator.Api.FetchAsync("requests/PR-9000-0000-0001-001");

        Assert.Equal(HttpStatusCode.NotFound, request.Status);
    }

    [Theory]
    [InlineData("""{"products":[]}""", "products: Unknown collection")]
    [InlineData("""{"requests":{}}""", "requests: Expected a list of documents.")]
    [InlineData("""{"requests":[1]}""", "requests[0]: Expected an object.")]
    [InlineData("""{"requests":[{"status":"pending"}]}""", "requests[0].id: This field is required.")]
    [InlineData("""{"assets":[{"id":"AS-1"}]}""", "assets[0].status: This field is required.")]
    public async Task Seed_BadBody_Answers400AndStoresNothing(string body, string error)
    {
        await using var emulator = await TestEmulator.StartAsync(seed: "none");

        var reply = await emulator.Control.PostAsync("seed", body);
        var assets = await emulator.Api.FetchAsync("assets?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.StartsWith(error, reply.FirstError, StringComparison.Ordinal);
        Assert.Equal("items 0-0/0", assets.ContentRange);
    }
}
