using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class HandleAndRenderTests
{
    [Fact]
    public void RequestsIndexer_CreatingHandle_MakesNoCall()
    {
        var stub = new StubHandler();
        using var client = TestClients.Create(stub);

        var handle = client.Requests["PR-1"];
        var tcr = client.TierConfigRequests["TCR-1"];

        Assert.Equal("PR-1", handle.Id);
        Assert.Equal("TCR-1", tcr.Id);
        Assert.Empty(stub.Requests);
        Assert.Throws<ArgumentException>(() => client.Requests[" "]);
    }

    [Fact]
    public async Task RequestHandle_ApproveByTemplate_PostsToRequestPath()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PR-1","status":"approved"}""");
        using var client = TestClients.Create(stub);

        var approved = await client.Requests["PR-1"].ApproveByTemplateAsync("TL-1");

        Assert.Equal("/public/v1/requests/PR-1/approve", stub.Requests[0].PathAndQuery);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"template_id":"TL-1"}"""), JsonNode.Parse(stub.Requests[0].Body!)));
        Assert.Equal(RequestStatus.Approved, approved!.Status);
    }

    [Fact]
    public async Task TierConfigRequestHandle_Fail_PostsReason()
    {
        var stub = new StubHandler().Reply(System.Net.HttpStatusCode.NoContent);
        using var client = TestClients.Create(stub);

        await client.TierConfigRequests["TCR-1"].FailAsync("nope");

        Assert.Equal("/public/v1/tier/config-requests/TCR-1/fail", stub.Requests[0].PathAndQuery);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"reason":"nope"}"""), JsonNode.Parse(stub.Requests[0].Body!)));
    }

    [Theory]
    [InlineData("\"# Title\\n\\nBody\"", "application/json")]
    [InlineData("# Title\n\nBody", "text/markdown")]
    public async Task ProductsRenderTemplateAsync_JsonStringOrText_ReturnsMarkdown(string body, string contentType)
    {
        var stub = new StubHandler().Reply(System.Net.HttpStatusCode.OK, body, contentType);
        using var client = TestClients.Create(stub);

        var markdown = await client.Products.RenderTemplateAsync("PRD-1", "TL-1", "PR-1 x");

        Assert.Equal("/public/v1/products/PRD-1/templates/TL-1/render?request_id=PR-1%20x", stub.Requests[0].PathAndQuery);
        Assert.Equal("# Title\n\nBody", markdown);
    }
}
