using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Connect.Sdk.Tests;

public class LoggingTests
{
    [Fact]
    public async Task Calls_AtTraceLevel_NeverLogTheSecret()
    {
        var sink = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        var stub = new StubHandler()
            .ReplyJson("""{"id":"PR-1","status":"approved"}""")
            .Reply(HttpStatusCode.BadRequest, $$"""{"error_code":"VAL_001","errors":["echo {{TestClients.Key}}"]}""");
        using var client = TestClients.Create(stub, loggerFactory: factory);

        await client.Requests.ApproveByTemplateAsync("PR-1", "TL-1");
        await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.FailAsync("PR-1", "reason with " + TestClients.Secret));

        Assert.NotEmpty(sink.Entries);
        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Trace);
        Assert.Contains(sink.Entries, e => e.Message.Contains("ApiKey SU-000-000-000**********", StringComparison.Ordinal));
        Assert.All(sink.Entries, e => Assert.DoesNotContain(TestClients.Secret, e.Message + " " + string.Join(" ", e.State), StringComparison.Ordinal));
    }

    [Fact]
    public void MaskAuthorization_KeyWithoutPrefix_IsFullyMasked()
    {
        Assert.Equal("ApiKey SU-1**********", SecretMask.MaskAuthorization("ApiKey SU-1:abc"));
        Assert.Equal("********************", SecretMask.MaskAuthorization("abc:def"));
    }
}

public class DefaultLogTests
{
    private const string Product = """{"id":"PRD-1"}""";

    [Fact]
    public async Task Call_AtDebug_GivesOneLineWhenAnsweredAndTwoWhenRefused()
    {
        var sink = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(sink));
        var stub = new StubHandler()
            .ReplyJson(Product)
            .Reply(HttpStatusCode.BadRequest, """{"error_code":"VAL_001","errors":["bad"]}""");
        using var client = TestClients.Create(stub, TestClients.Options(maxRetries: 0), factory);

        await client.Products.GetAsync("PRD-1");
        var answered = sink.Entries.ToList();
        await Assert.ThrowsAsync<ConnectApiException>(() => client.Products.GetAsync("PRD-2"));
        var refused = sink.Entries.Skip(answered.Count).ToList();

        var line = Assert.Single(answered);
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Contains("GET https://api.example.test/public/v1/products/PRD-1 answered 200", line.Message, StringComparison.Ordinal);
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, e => e.Message.Contains("VAL_001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddConnectClient_PollyAttemptLines_AreDebugAndRetriesStayWarnings()
    {
        var sink = new CapturingLoggerProvider();
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable).ReplyJson(Product);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));
        services.AddConnectClient(o =>
        {
            o.Endpoint = "https://api.example.test/public/v1";
            o.ApiKey = TestClients.Key;
            o.RetryBaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ConnectClient>().Products.GetAsync("PRD-1");

        var polly = sink.Entries.Where(e => e.Category == "Polly").ToList();
        var attempts = polly.Where(e => e.Message.StartsWith("Execution attempt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Contains(polly, e => e.Message.Contains("OnRetry", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(polly, e => e.Level == LogLevel.Information);
        Assert.Single(sink.Entries, e => e.Category == "Connect.Sdk" && e.Level == LogLevel.Debug);
        Assert.Contains(sink.Entries, e => e.Category == "Connect.Sdk" && e.Message.Contains("ApiKey SU-000-000-000**********", StringComparison.Ordinal));
        Assert.All(sink.Entries, e => Assert.DoesNotContain(TestClients.Secret, e.Message + " " + string.Join(" ", e.State), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddConnectClient_OtherPipelines_KeepPollysSeverity()
    {
        var sink = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(sink));
        services.AddConnectClient(o =>
        {
            o.Endpoint = "https://api.example.test/public/v1";
            o.ApiKey = TestClients.Key;
        });
        var other = services.AddHttpClient("other").ConfigurePrimaryHttpMessageHandler(() => new StubHandler().ReplyJson(Product));
        other.AddResilienceHandler("other", b => b.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.Zero }));
        await using var provider = services.BuildServiceProvider();

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("other");
        (await http.GetAsync(new Uri("https://other.example.test/"))).Dispose();

        var attempt = Assert.Single(sink.Entries, e => e.Category == "Polly" && e.Message.StartsWith("Execution attempt", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, attempt.Level);
    }
}
