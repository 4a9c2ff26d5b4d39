using System.Net;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class ErrorTests
{
    [Fact]
    public async Task GetAsync_JsonErrorBody_ParsesCodeErrorsAndParams()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.BadRequest,
            """{"errors": ["error_str_1", "error_str_2"], "error_code": "ERR_000", "params": {"param1": "value", "param5": 10}}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Assets.GetAsync("AS-1"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("ERR_000", ex.ErrorCode);
        Assert.Equal(["error_str_1", "error_str_2"], ex.Errors);
        Assert.Equal(10, ex.Params["param5"].GetInt32());
        Assert.Equal("GET", ex.Method);
        Assert.Equal("https://api.example.test/public/v1/assets/AS-1", ex.Url);
        Assert.Contains("ERR_000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error_str_2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Unauthorized_CarriesAuthCode()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.Unauthorized, """{"error_code": "AUTH_001", "errors": ["API request is unauthorized."]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Accounts.FirstOrDefaultAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("AUTH_001", ex.ErrorCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_HtmlErrorBody_KeepsTextWithoutCode()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.NotFound, "<html><body>Not Found</body></html>", "text/html");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Assets.GetAsync("AS-1"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("<html><body>Not Found</body></html>", ex.RawBody);
        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_TruncatedJsonErrorBody_KeepsRawBody()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.BadRequest, """{"error_code": "VAL_001", "errors": ["na""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Assets.GetAsync("AS-1"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.StartsWith("{\"error_code\"", ex.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EmptyErrorBody_HasStatusOnly()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.NotFound, "{}");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Assets.GetAsync("AS-1"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task FindAsync_NotFound_ReturnsNull()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.NotFound, "{}");
        using var client = TestClients.Create(stub);

        Assert.Null(await client.Directory.GetAssetAsync("AS-404"));
    }

    [Fact]
    public async Task GetAsync_SuccessWithBadJson_ThrowsSerializationExceptionNamingTypeAndPath()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PR-1","asset":{"items":[{"id":"x","quantity":"lots"}]}}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectSerializationException>(() => client.Requests.GetAsync("PR-1"));

        Assert.Equal(typeof(FulfillmentRequest), ex.TargetType);
        Assert.Equal("$.asset.items[0].quantity", ex.JsonPath);
        Assert.Contains("FulfillmentRequest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.asset.items[0].quantity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SuccessWithTruncatedJson_ThrowsSerializationException()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PR-1","status":"pend""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectSerializationException>(() => client.Requests.GetAsync("PR-1"));

        Assert.Equal(typeof(FulfillmentRequest), ex.TargetType);
    }

    [Fact]
    public async Task GetAsync_SuccessWithWrongShape_NamesPath()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PR-1","asset":[1,2]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectSerializationException>(() => client.Requests.GetAsync("PR-1"));

        Assert.Equal("$.asset", ex.JsonPath);
    }

    [Fact]
    public async Task GetAsync_SuccessWithEmptyBody_ThrowsSerializationException()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.OK, "");
        using var client = TestClients.Create(stub);

        await Assert.ThrowsAsync<ConnectSerializationException>(() => client.Requests.GetAsync("PR-1"));
    }

    [Fact]
    public async Task ListAsync_PageNotAList_NamesListType()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"x"}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectSerializationException>(async () =>
        {
            await foreach (var unused in client.Requests.ListAsync())
            {
            }
        });

        Assert.Contains("list of FulfillmentRequest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiException_ServerEchoesKey_MessageDoesNotContainSecret()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.Unauthorized, $$"""{"error_code":"AUTH_001","errors":["bad key {{TestClients.Key}}"]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Products.GetAsync("PRD-1"));

        Assert.DoesNotContain(TestClients.Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.All(ex.Errors, e => Assert.DoesNotContain(TestClients.Secret, e, StringComparison.Ordinal));
    }
}
