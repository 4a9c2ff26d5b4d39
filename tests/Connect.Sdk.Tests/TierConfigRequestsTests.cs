using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class TierConfigRequestsTests
{
    private static void AssertBody(string expected, RecordedRequest call) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(call.Body!)), call.Body);

    [Fact]
    public async Task ApproveByTemplateAsync_PostsTemplateObject_ReadsRepresentation()
    {
        var stub = new StubHandler().ReplyJson("""{"template": {"id": "TP-123-123-123", "representation": "Rendered"}}""");
        using var client = TestClients.Create(stub);

        var answer = await client.TierConfigRequests.ApproveByTemplateAsync("TCR-1", "TP-123-123-123");

        Assert.Equal("/public/v1/tier/config-requests/TCR-1/approve", stub.Requests[0].PathAndQuery);
        AssertBody("""{"template":{"id":"TP-123-123-123"}}""", stub.Requests[0]);
        Assert.Equal("Rendered", answer!.Template!.Representation);
    }

    [Fact]
    public async Task Actions_Answer204_Complete()
    {
        var stub = new StubHandler()
            .Reply(HttpStatusCode.NoContent)
            .Reply(HttpStatusCode.NoContent)
            .Reply(HttpStatusCode.NoContent)
            .Reply(HttpStatusCode.NoContent);
        using var client = TestClients.Create(stub);

        await client.TierConfigRequests.InquireAsync("TCR-1");
        await client.TierConfigRequests.FailAsync("TCR-1", "no");
        await client.TierConfigRequests.PendAsync("TCR-1");
        await client.TierConfigRequests.AssignAsync("TCR-1", "UR-1");

        Assert.Equal(
            ["/public/v1/tier/config-requests/TCR-1/inquire", "/public/v1/tier/config-requests/TCR-1/fail", "/public/v1/tier/config-requests/TCR-1/pend", "/public/v1/tier/config-requests/TCR-1/assign"],
            stub.Requests.Select(r => r.PathAndQuery));
        AssertBody("""{"reason":"no"}""", stub.Requests[1]);
        AssertBody("""{"id":"UR-1"}""", stub.Requests[3]);
    }

    [Fact]
    public async Task UpdateParametersAsync_PutsParamsAndNotes()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("tier_config_request.json"));
        using var client = TestClients.Create(stub);

        var updated = await client.TierConfigRequests.UpdateParametersAsync("TCR-1", [new Param { Id = "TIER1_MPN", Value = "v" }], "note");

        Assert.Equal(HttpMethod.Put, stub.Requests[0].Method);
        Assert.Equal("/public/v1/tier/config-requests/TCR-1", stub.Requests[0].PathAndQuery);
        AssertBody("""{"params":[{"id":"TIER1_MPN","value":"v"}],"notes":"note"}""", stub.Requests[0]);
        Assert.NotNull(updated!.Id);
    }

    [Fact]
    public async Task UpdateParametersAsync_ParamWithoutId_Throws()
    {
        using var client = TestClients.Create(new StubHandler());

        await Assert.ThrowsAsync<ArgumentException>(() => client.TierConfigRequests.UpdateParametersAsync("TCR-1", [new Param { Value = "v" }]));
    }

    [Fact]
    public async Task TierConfigs_GetByAccountAndProduct_FiltersAndReturnsFirst()
    {
        var stub = new StubHandler().ReplyJson("""[{"id":"TC-1","account":{"id":"TA-1"},"product":{"id":"PRD-1"}}]""", "items 0-0/1")
            .ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        var config = await client.TierConfigs.GetAsync("TA-1", "PRD-1");
        var none = await client.Directory.GetTierConfigAsync("TA-2", "PRD-1");

        Assert.Equal("TC-1", config!.Id);
        Assert.Null(none);
        Assert.Equal("/public/v1/tier/configs?and(eq(account.id,TA-1),eq(product.id,PRD-1))&limit=1&offset=0", stub.Requests[0].PathAndQuery);
    }
}
