using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>A fulfillment automation whose handler is a delegate; exposes the protected helpers to tests.</summary>
internal sealed class DelegateFulfillment(
    ConnectClient client, Func<FulfillmentRequest, AutomationContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : FulfillmentAutomation(client, options, logger)
{
    public string? LastQuery { get; private set; }

    protected override Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken) =>
        handler(request, Context, cancellationToken);

    protected override Query Filters()
    {
        var query = base.Filters();
        LastQuery = query.Compile();
        return query;
    }
}

internal sealed class DelegateTierConfig(
    ConnectClient client, Func<TierConfigRequest, AutomationContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : TierConfigAutomation(client, options, logger)
{
    protected override Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken) =>
        handler(request, Context, cancellationToken);
}

internal sealed class DelegateUsageFile(
    ConnectClient client, Func<UsageFile, AutomationContext, CancellationToken, Task<ProcessResult>> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : UsageFileAutomation(client, options, logger)
{
    protected override Task<ProcessResult> ProcessRequestAsync(UsageFile usageFile, CancellationToken cancellationToken) =>
        handler(usageFile, Context, cancellationToken);
}

internal sealed class DelegateUsage(
    ConnectClient client, Func<UsageListing, AutomationContext, CancellationToken, Task> handler,
    AutomationOptions? options = null, ILogger? logger = null)
    : UsageAutomation(client, options, logger)
{
    protected override Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken) =>
        handler(listing, Context, cancellationToken);
}

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
