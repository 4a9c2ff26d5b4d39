using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class RequestsTests
{
    private static string Fixture => SharedFiles.Fixture("request_purchase.json");

    [Fact]
    public async Task ApproveByTemplateAsync_Posts_TemplateIdBodyWithHeaders()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("request_purchase_approved.json"));
        using var client = TestClients.Create(stub);

        var approved = await client.Requests.ApproveByTemplateAsync("PR-1", "TL-1");

        var call = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("/public/v1/requests/PR-1/approve", call.PathAndQuery);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"template_id":"TL-1"}"""), JsonNode.Parse(call.Body!)));
        Assert.Equal(TestClients.Key, call.Headers["Authorization"]);
        Assert.Matches(@"^connect-dotnet/\d+\.\d+\.\d+\S* \.NET/\d+\.\d+\.\d+ \w+/", call.Headers["User-Agent"]);
        Assert.Equal(RequestStatus.Approved, approved!.Status);
    }

    [Fact]
    public async Task ApproveByTileAsync_Posts_ActivationTile()
    {
        var stub = new StubHandler().ReplyJson(Fixture);
        using var client = TestClients.Create(stub);

        await client.Requests.ApproveByTileAsync("PR-1", "# Done");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"activation_tile":"# Done"}"""), JsonNode.Parse(stub.Requests[0].Body!)));
    }

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("TL-9", """{"template_id":"TL-9"}""")]
    public async Task InquireAsync_OptionalTemplate_PostsBody(string? templateId, string expected)
    {
        var stub = new StubHandler().ReplyJson(Fixture);
        using var client = TestClients.Create(stub);

        await client.Requests.InquireAsync("PR-1", templateId);

        Assert.Equal("/public/v1/requests/PR-1/inquire", stub.Requests[0].PathAndQuery);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stub.Requests[0].Body!)));
    }

    [Fact]
    public async Task FailPendAssign_PostExpectedBodies()
    {
        var stub = new StubHandler().ReplyJson(Fixture).ReplyJson(Fixture).ReplyJson(Fixture).ReplyJson(Fixture);
        using var client = TestClients.Create(stub);

        await client.Requests.FailAsync("PR-1", "bad");
        await client.Requests.PendAsync("PR-1");
        await client.Requests.AssignAsync("PR-1", "UR-1");
        await client.Requests.AssignAsync("PR-1", "a@b.c");

        Assert.Equal(["""{"reason":"bad"}""", "{}", """{"id":"UR-1"}""", """{"email":"a@b.c"}"""], stub.Requests.Select(r => r.Body));
        Assert.Equal("/public/v1/requests/PR-1/pend", stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task UpdateParametersAsync_Puts_OnlyIdsAndValuesAndNote()
    {
        var stub = new StubHandler().ReplyJson(Fixture);
        using var client = TestClients.Create(stub);
        var param = new Param { Id = "param_b", ValueError = "Please provide", Title = "ignored", Constraints = new Constraints { Required = true } };

        await client.Requests.UpdateParametersAsync("PR-1", [param, new Param { Id = "param_a", Value = "x" }], note: "n");

        Assert.Equal(HttpMethod.Put, stub.Requests[0].Method);
        Assert.Equal("/public/v1/requests/PR-1", stub.Requests[0].PathAndQuery);
        var expected = """{"asset":{"params":[{"id":"param_b","value_error":"Please provide"},{"id":"param_a","value":"x"}]},"note":"n"}""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stub.Requests[0].Body!)), stub.Requests[0].Body);
    }

    [Fact]
    public async Task ApproveAsync_LostRace400_SurfacesApiException()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.BadRequest, """{"error_code":"REQ_001","errors":["Request is in status approved."]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.ApproveByTemplateAsync("PR-1", "TL-1"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_001", ex.ErrorCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task RenderAsync_ReturnsMarkdownText()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.OK, "# Tile", "text/markdown");
        using var client = TestClients.Create(stub);

        Assert.Equal("# Tile", await client.Requests.RenderAsync("PR-1"));
        Assert.Equal("/public/v1/requests/PR-1/render", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task CreateAsync_PostsRequestAndReadsCreated()
    {
        var body = SharedFiles.Fixture("request_create_purchase_body.json");
        var request = ConnectJson.Deserialize<FulfillmentRequest>(body);
        var stub = new StubHandler().Reply(HttpStatusCode.Created, Fixture);
        using var client = TestClients.Create(stub);

        var created = await client.Requests.CreateAsync(request);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(stub.Requests[0].Body!)));
        Assert.Equal("PR-8055-3268-5577-001", created.Id);
    }
}
