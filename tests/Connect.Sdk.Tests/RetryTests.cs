using System.Net;
using Microsoft.Extensions.Time.Testing;
using Connect.Sdk.Models;
using Connect.Sdk.Resources;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class RetryTests
{
    private const string Product = """{"id":"PRD-1","name":"P"}""";
    private const string Request = """{"id":"PR-1","status":"approved"}""";

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task GetAsync_TransientStatus_RetriesThenSucceeds(HttpStatusCode status)
    {
        var stub = new StubHandler().Reply(status, "oops", "text/plain").ReplyJson(Product);
        using var client = TestClients.Create(stub);

        var product = await client.Products.GetAsync("PRD-1");

        Assert.Equal("PRD-1", product.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_TransportFailure_Retries()
    {
        var stub = new StubHandler().Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset")).ReplyJson(Product);
        using var client = TestClients.Create(stub);

        await client.Products.GetAsync("PRD-1");

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        var stub = new StubHandler();
        for (var i = 0; i < 3; i++)
        {
            stub.Reply(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        }

        using var client = TestClients.Create(stub, TestClients.Options(maxRetries: 2));

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Products.GetAsync("PRD-1"));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task ApproveAsync_ServerErrorAfterSending_IsNotRetried(HttpStatusCode status)
    {
        var stub = new StubHandler().Reply(status, """{"error_code":"SYS_001","errors":["boom"]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.ApproveByTemplateAsync("PR-1", "TL-1"));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ApproveAsync_ResponseLost_IsNotRetried()
    {
        var stub = new StubHandler().Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "response ended"));
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectException>(() => client.Requests.ApproveByTemplateAsync("PR-1", "TL-1"));

        Assert.True(ex.IsTransportFailure);
        Assert.Equal(0, (int)ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ApproveAsync_RejectedBeforeProcessing_IsRetried(HttpStatusCode status)
    {
        var stub = new StubHandler().Reply(status).ReplyJson(Request);
        using var client = TestClients.Create(stub);

        var request = await client.Requests.ApproveByTemplateAsync("PR-1", "TL-1");

        Assert.Equal(RequestStatus.Approved, request!.Status);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
    }

    [Fact]
    public async Task ApproveAsync_ConnectionRefused_IsRetried()
    {
        var stub = new StubHandler().Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused")).ReplyJson(Request);
        using var client = TestClients.Create(stub);

        await client.Requests.ApproveByTemplateAsync("PR-1", "TL-1");

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfter_WaitsTheAnnouncedDelay()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler()
            .Reply(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30)))
            .ReplyJson(Product);
        var options = TestClients.Options();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.Timeout = TimeSpan.FromHours(1);
        using var client = new ConnectClient(options, new HttpClient(ConnectClient.CreateHttpMessageHandler(options, stub, time)));

        var call = client.Products.GetAsync("PRD-1");
        Assert.Single(stub.Requests);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        Assert.Single(stub.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        var product = await call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal("PRD-1", product.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Client_NoRetriesConfigured_SendsOnce()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable);
        using var client = TestClients.Create(stub, TestClients.Options(maxRetries: 0));

        await Assert.ThrowsAsync<ConnectApiException>(() => client.Products.GetAsync("PRD-1"));

        Assert.Single(stub.Requests);
    }
}

public class TimeoutAndPageTests
{
    [Fact]
    public async Task GetAsync_AttemptTimesOut_RetriesThenThrowsTransportFailure()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler().Hang().Hang();
        var options = TestClients.Options(maxRetries: 1);
        options.Timeout = TimeSpan.FromSeconds(10);
        using var client = new ConnectClient(options, new HttpClient(ConnectClient.CreateHttpMessageHandler(options, stub, time)));

        var call = client.Products.GetAsync("PRD-1");
        time.Advance(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => stub.Requests.Count == 2);
        time.Advance(TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<ConnectException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System));
        Assert.True(ex.IsTransportFailure);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
        Assert.Contains("/products/PRD-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ApproveAsync_AttemptTimesOut_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler().Hang();
        var options = TestClients.Options();
        options.Timeout = TimeSpan.FromSeconds(10);
        using var client = new ConnectClient(options, new HttpClient(ConnectClient.CreateHttpMessageHandler(options, stub, time)));

        var call = client.Requests.ApproveByTemplateAsync("PR-1", "TL-1");
        time.Advance(TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<ConnectException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System));
        Assert.True(ex.IsTransportFailure);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ListPagesAsync_YieldsPagesWithTotals()
    {
        var stub = new StubHandler()
            .ReplyJson("""[{"id":"A"},{"id":"B"}]""", "items 0-1/3")
            .ReplyJson("""[{"id":"C"}]""", "items 2-2/3");
        using var client = TestClients.Create(stub);

        var pages = new List<ResourcePage<Product>>();
        await foreach (var page in client.Products.ListPagesAsync(new Query().Limit(2)))
        {
            pages.Add(page);
        }

        Assert.Equal([0L, 2L], pages.Select(p => p.Offset));
        Assert.All(pages, p => Assert.Equal(3, p.Total));
        Assert.Equal(["A", "B", "C"], pages.SelectMany(p => p.Items).Select(p => p.Id));
    }

    [Fact]
    public async Task ListPagesAsync_EmptyResult_YieldsOneEmptyPage()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        var pages = new List<ResourcePage<Product>>();
        await foreach (var page in client.Products.ListPagesAsync())
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.Empty(only.Items);
        Assert.Equal(0, only.Total);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // Bounded wait for a background continuation (not a timing assertion).
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
