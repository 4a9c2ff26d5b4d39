namespace Connect.Automation;

/// <summary>What happened to one item.</summary>
public enum AutomationOutcome
{
    /// <summary>Approved by this engine.</summary>
    Approved,

    /// <summary>Moved to inquiring by this engine.</summary>
    Inquired,

    /// <summary>Failed by this engine.</summary>
    Failed,

    /// <summary>Left as it was (handler skip, or a purchase that needs migration).</summary>
    Skipped,

    /// <summary>Usage file accepted.</summary>
    Accepted,

    /// <summary>Usage file rejected.</summary>
    Rejected,

    /// <summary>Usage file closed.</summary>
    Closed,

    /// <summary>Usage file deleted.</summary>
    Deleted,

    /// <summary>Usage file submitted.</summary>
    Submitted,

    /// <summary>A listing handed to a usage automation, which completed without error.</summary>
    Completed,

    /// <summary>Another actor had already moved the item on: not a failure.</summary>
    AlreadyHandled,

    /// <summary>The handler or an action failed; the item was left as it was. See <see cref="AutomationReport.Errors"/>.</summary>
    Error,

    /// <summary>The run was cancelled while the handler ran; the item was left as it was.</summary>
    Cancelled,
}

/// <summary>The outcome of one item.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Type">Item type (request type, TCR type, <c>listing</c>, <c>usage_file</c>).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Duration">Time spent on the item.</param>
public sealed record ItemOutcome(string Id, string Type, AutomationOutcome Outcome, TimeSpan Duration);

/// <summary>A genuine fault on one item.</summary>
/// <param name="Id">Item id.</param>
/// <param name="Type">Item type.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Exception">The exception, when there was one.</param>
public sealed record AutomationError(string Id, string Type, string Message, Exception? Exception);

/// <summary>The result of one <c>ProcessAsync</c> run: counts per outcome, the failures, timings.</summary>
public sealed class AutomationReport
{
    internal AutomationReport(IReadOnlyList<ItemOutcome> items, IReadOnlyList<AutomationError> errors, TimeSpan duration, bool cancelled)
    {
        Items = items;
        Errors = errors;
        Duration = duration;
        Cancelled = cancelled;
    }

    /// <summary>Items handed to the handler (every outcome, errors and cancellations included).</summary>
    public int Processed => Items.Count;

    /// <summary>Approved by this run.</summary>
    public int Approved => Count(AutomationOutcome.Approved);

    /// <summary>Inquired by this run.</summary>
    public int Inquired => Count(AutomationOutcome.Inquired);

    /// <summary>Failed by this run (the fail action, not errors).</summary>
    public int Failed => Count(AutomationOutcome.Failed);

    /// <summary>Skipped.</summary>
    public int Skipped => Count(AutomationOutcome.Skipped);

    /// <summary>Usage files accepted.</summary>
    public int Accepted => Count(AutomationOutcome.Accepted);

    /// <summary>Usage files rejected.</summary>
    public int Rejected => Count(AutomationOutcome.Rejected);

    /// <summary>Usage files closed.</summary>
    public int Closed => Count(AutomationOutcome.Closed);

    /// <summary>Usage files deleted.</summary>
    public int Deleted => Count(AutomationOutcome.Deleted);

    /// <summary>Usage files submitted.</summary>
    public int Submitted => Count(AutomationOutcome.Submitted);

    /// <summary>Listings processed by a usage automation.</summary>
    public int Completed => Count(AutomationOutcome.Completed);

    /// <summary>Items another actor had already moved on.</summary>
    public int AlreadyHandled => Count(AutomationOutcome.AlreadyHandled);

    /// <summary>Items abandoned because the run was cancelled.</summary>
    public int CancelledItems => Count(AutomationOutcome.Cancelled);

    /// <summary>Whether the run was cancelled before all work was listed and processed.</summary>
    public bool Cancelled { get; }

    /// <summary>Genuine faults, one per failed item.</summary>
    public IReadOnlyList<AutomationError> Errors { get; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether any item ended in an unexpected error.</summary>
    public bool HasUnexpectedFailures => Errors.Count > 0;

    /// <summary>Per-item outcomes, in completion order.</summary>
    public IReadOnlyList<ItemOutcome> Items { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"processed {Processed}: approved {Approved}, inquired {Inquired}, failed {Failed}, skipped {Skipped}, accepted {Accepted}, "
        + $"rejected {Rejected}, closed {Closed}, deleted {Deleted}, submitted {Submitted}, completed {Completed}, "
        + $"already handled {AlreadyHandled}, errors {Errors.Count}{(Cancelled ? ", cancelled" : string.Empty)} in {Duration.TotalSeconds:0.###} s";

    private int Count(AutomationOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}
