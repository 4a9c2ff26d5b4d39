using System.Collections.Concurrent;

namespace Connect.Processor;

/// <summary>State of one processor run: the handlers' abort token, a message per request, and the outcomes so far.</summary>
internal sealed class RunState(CancellationToken abortToken)
{
    private int _order;

    /// <summary>Passed to handlers instead of the engine's token: a stop request lets requests in flight finish.</summary>
    public CancellationToken AbortToken { get; } = abortToken;

    /// <summary>What the report says about a request besides its outcome (fail reason, parameters to fix, ...).</summary>
    public ConcurrentDictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (int Order, ProcessedRequest Request)> Outcomes { get; } = new(StringComparer.Ordinal);

    public void Record(ProcessedRequest request) => Outcomes[request.Id] = (Interlocked.Increment(ref _order), request);
}
