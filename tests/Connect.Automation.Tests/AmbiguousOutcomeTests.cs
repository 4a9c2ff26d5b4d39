using System.Net;
using Connect.Sdk;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>
/// Actions whose answer is lost: the call reaches the real emulator, then a handler in front of it replaces the answer
/// with a gateway error, as a proxy failing after the upstream committed would.
/// </summary>
public sealed class AmbiguousOutcomeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessAsync_AnswerLostAfterCommit_CountsOurOutcome()
    {
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var client = ClientLosing("/fail", forward: true);
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Fail("no capacity")),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.Failed);
        Assert.Equal("failed", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_GatewayErrorBeforeCommit_IsAnError()
    {
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var client = ClientLosing("/fail", forward: false);
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Fail("no capacity")),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal(HttpStatusCode.BadGateway, Assert.IsType<ConnectApiException>(error.Exception).StatusCode);
        Assert.Equal("pending", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_TransportFailureAfterInquireCommitted_CountsInquired()
    {
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var client = ClientLosing("/inquire", forward: true, throwInstead: true);
        var engine = new DelegateFulfillment(client, (r, _, _) =>
        {
            var email = r.GetParam("customer_email")!;
            email.ValueError = "check it";
            return Task.FromResult(ProcessResult.Inquire([email]));
        }, new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.Inquired);
        Assert.Equal("inquiring", (await client.Requests.GetAsync(id)).Status);
    }

    private ConnectClient ClientLosing(string actionSuffix, bool forward, bool throwInstead = false)
    {
        var options = new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl, ApiKey = emulator.Host.ApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        var lossy = new LossyHandler(actionSuffix, forward, throwInstead) { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options, lossy));
        return new ConnectClient(options, http);
    }

    private sealed class LossyHandler(string actionSuffix, bool forward, bool throwInstead) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith(actionSuffix, StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            if (forward)
            {
                using var committed = await base.SendAsync(request, cancellationToken);
                committed.EnsureSuccessStatusCode();
            }

            if (throwInstead)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            }

            return new HttpResponseMessage(HttpStatusCode.BadGateway) { RequestMessage = request, Content = new StringContent("Bad gateway") };
        }
    }
}
