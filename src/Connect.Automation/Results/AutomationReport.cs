namespace Connect.Automation;

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
