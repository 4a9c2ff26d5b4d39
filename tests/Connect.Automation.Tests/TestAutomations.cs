using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>A handler that is a delegate.</summary>
internal sealed class DelegateHandler<TItem>(Func<TItem, ItemContext, CancellationToken, Task<ProcessResult>> handle) : IRequestHandler<TItem>
    where TItem : class
{
    public Task<ProcessResult> HandleAsync(TItem item, ItemContext context, CancellationToken cancellationToken) => handle(item, context, cancellationToken);
}

/// <summary>An engine whose handler is a delegate; remembers the query it listed.</summary>
internal class DelegateEngine<TItem>(AutomationEngine<TItem> engine)
    where TItem : class
{
    public string? LastQuery { get; private set; }

    public AutomationOptions Options => engine.Options;

    public Task<AutomationReport> ProcessAsync(CancellationToken cancellationToken = default)
    {
        var query = engine.CreateQuery();
        LastQuery = query.Compile();
        return engine.ProcessAsync(query, cancellationToken);
    }
}

internal sealed class DelegateFulfillment(
    ConnectClient client, Func<FulfillmentRequest, ItemContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : DelegateEngine<FulfillmentRequest>(new(client, new DelegateHandler<FulfillmentRequest>(handler), options, logger));

internal sealed class DelegateTierConfig(
    ConnectClient client, Func<TierConfigRequest, ItemContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : DelegateEngine<TierConfigRequest>(new(client, new DelegateHandler<TierConfigRequest>(handler), options, logger));

internal sealed class DelegateUsageFile(
    ConnectClient client, Func<UsageFile, ItemContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : DelegateEngine<UsageFile>(new(client, new DelegateHandler<UsageFile>(handler), options, logger));

/// <summary>A usage engine whose handler reports and completes (or throws).</summary>
internal sealed class DelegateUsage(
    ConnectClient client, Func<UsageListing, ItemContext, CancellationToken, Task> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : DelegateEngine<UsageListing>(new(client, new DelegateHandler<UsageListing>(async (listing, context, ct) =>
    {
        await handler(listing, context, ct);
        return ProcessResult.Complete();
    }), options, logger));

/// <summary>Collects log entries (with their scopes) for assertions.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly AsyncLocal<List<object>?> _scopes = new();

    public List<CapturedEntry> Entries { get; } = [];

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        var previous = _scopes.Value;
        _scopes.Value = [.. previous ?? [], state];
        return new Scope(() => _scopes.Value = previous);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scope = string.Join(" | ", (_scopes.Value ?? []).Select(s => s.ToString()));
        lock (_gate)
        {
            Entries.Add(new CapturedEntry(logLevel, eventId.Id, formatter(state, exception), exception, scope));
        }
    }

    public CapturedEntry[] Snapshot()
    {
        lock (_gate)
        {
            return [.. Entries];
        }
    }

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

internal sealed record CapturedEntry(LogLevel Level, int EventId, string Message, Exception? Exception, string Scope);

internal static partial class TestLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Debug, Message = "looking at {Id} with key {Key}")]
    public static partial void Looking(ILogger logger, string? id, string key);
}
