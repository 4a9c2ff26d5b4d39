using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

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

    internal sealed record Entry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> State);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}").ToList() : [];
                owner.Entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception) + (exception?.ToString() ?? string.Empty), values));
            }
        }
    }
}
