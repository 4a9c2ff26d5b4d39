using System.Collections.Concurrent;
using Connect.Automation;

namespace Connect.Processor;

/// <summary>
/// State of one processor run: the handlers' abort token, a message per request, the outcomes so far, and the intake
/// of the stage running now (stopped when the lock service is unavailable).
/// </summary>
internal sealed class RunState(CancellationToken abortToken)
{
    private readonly Lock _gate = new();
    private int _order;
    private CancellationTokenSource? _intake;
    private string? _coordinationError;

    /// <summary>Passed to handlers instead of the engine's token: a stop request lets requests in flight finish.</summary>
    public CancellationToken AbortToken { get; } = abortToken;

    /// <summary>What the report says about a request besides its outcome (fail reason, parameters to fix, ...).</summary>
    public ConcurrentDictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Outcomes the engine cannot know: a request the dispatcher found finished when it read it again under its lease is
    /// reported <see cref="AutomationOutcome.AlreadyHandled"/>, not skipped.
    /// </summary>
    public ConcurrentDictionary<string, AutomationOutcome> Outcome { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (int Order, ProcessedRequest Request)> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the run stopped taking requests (the lock service's error), or null.</summary>
    public string? CoordinationError
    {
        get
        {
            lock (_gate)
            {
                return _coordinationError;
            }
        }
    }

    public void Record(ProcessedRequest request) => Outcomes[request.Id] = (Interlocked.Increment(ref _order), request);

    /// <summary>The token a stage's engine takes new requests under: cancelled by a stop request or by <see cref="StopIntake"/>.</summary>
    public CancellationTokenSource BeginIntake(CancellationToken stopToken)
    {
        var intake = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        lock (_gate)
        {
            _intake = intake;
            if (_coordinationError is not null)
            {
                intake.Cancel();
            }
        }

        return intake;
    }

    /// <summary>Stops the stage from taking requests: the lock service did not answer (requests in flight finish).</summary>
    public void StopIntake(string error)
    {
        CancellationTokenSource? intake;
        lock (_gate)
        {
            _coordinationError ??= error;
            intake = _intake;
        }

        try
        {
            intake?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stage is over already.
        }
    }
}
