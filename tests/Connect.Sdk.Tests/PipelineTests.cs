using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Sdk.Tests;

public class PipelineTests
{
    private const string Product = """{"id":"PRD-1"}""";

    [Fact]
    public void CreateHttpMessageHandler_ChainsTheStepsOutermostFirst()
    {
        var stub = new StubHandler();

        var steps = new List<Type>();
        HttpMessageHandler handler = ConnectClient.CreateHttpMessageHandler(TestClients.Options(), stub);
        while (handler is DelegatingHandler step)
        {
            steps.Add(step.GetType());
            handler = step.InnerHandler!;
        }

        Assert.Equal([typeof(UserAgentHandler), typeof(AuthenticationHandler), typeof(TracingHandler), typeof(LoggingHandler), typeof(ResilienceHandler), typeof(AttemptCountingHandler)], steps);
        Assert.Same(stub, handler);
    }

    [Fact]
    public async Task AddConnectClient_HandlerAddedToTheBuilder_SeesKeyAndUserAgentOnEveryAttempt()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable).ReplyJson(Product);
        var seen = new List<(string? Authorization, string? UserAgent)>();
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
            {
                o.Endpoint = "https://api.example.test/public/v1";
                o.ApiKey = TestClients.Key;
                o.RetryBaseDelay = TimeSpan.Zero;
            })
            .AddHttpMessageHandler(() => new SpyHandler(seen))
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ConnectClient>().Products.GetAsync("PRD-1");

        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal(TestClients.Key, s.Authorization));
        Assert.All(seen, s => Assert.StartsWith("connect-dotnet/", s.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_CallToAnotherHost_GoesWithoutTheKey()
    {
        var stub = new StubHandler().ReplyJson(Product).ReplyJson(Product);
        using var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(TestClients.Options(), stub));

        (await http.GetAsync(new Uri("https://api.example.test/public/v1/products/PRD-1"))).Dispose();
        (await http.GetAsync(new Uri("https://elsewhere.example.test/products/PRD-1"))).Dispose();

        Assert.Equal(TestClients.Key, stub.Requests[0].Headers["Authorization"]);
        Assert.False(stub.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.True(stub.Requests[1].Headers.ContainsKey("User-Agent"));
    }

    [Fact]
    public async Task AddConnectClient_TimeProviderFromServices_DrivesRetryDelays()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler()
            .Reply(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30)))
            .ReplyJson(Product);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddConnectClient(o =>
        {
            o.Endpoint = "https://api.example.test/public/v1";
            o.ApiKey = TestClients.Key;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.Timeout = TimeSpan.FromHours(1);
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();

        var call = client.Products.GetAsync("PRD-1");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        Assert.Single(stub.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        var product = await call.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal("PRD-1", product.Id);
        Assert.Same(time, client.Options.TimeProvider);
    }

    private sealed class SpyHandler(List<(string? Authorization, string? UserAgent)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add((
                request.Headers.TryGetValues("Authorization", out var auth) ? string.Join(",", auth) : null,
                request.Headers.TryGetValues("User-Agent", out var agent) ? string.Join(" ", agent) : null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
