using Connect.Automation;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>The result of one processor run (one <c>once</c> run, or one round of continuous mode).</summary>
public sealed class ProcessorRunReport
{
    internal ProcessorRunReport(
        IReadOnlyList<ProcessedRequest> requests, int passes, TimeSpan duration, bool cancelled,
        UsagePeriod? usagePeriod, IReadOnlyList<UsageFile> usageFiles, string? usageError, string? coordinationError = null)
    {
        CoordinationError = coordinationError;
        Requests = requests;
        Passes = passes;
        Duration = duration;
        Cancelled = cancelled;
        UsagePeriod = usagePeriod;
        UsageFiles = usageFiles;
        UsageError = usageError;
    }

    /// <summary>Every request this replica handled, tier config requests first, in the order they finished.</summary>
    public IReadOnlyList<ProcessedRequest> Requests { get; }

    /// <summary>Passes run (a run repeats while a pass makes progress, up to <see cref="ProcessorOptions.MaxPasses"/>).</summary>
    public int Passes { get; }

    /// <summary>Wall-clock duration of the run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether a stop was requested before the run finished (requests in flight were completed).</summary>
    public bool Cancelled { get; }

    /// <summary>The month whose usage was reported in this run, or null when usage was not due.</summary>
    public UsagePeriod? UsagePeriod { get; }

    /// <summary>Usage files submitted in this run.</summary>
    public IReadOnlyList<UsageFile> UsageFiles { get; }

    /// <summary>The usage reporting error, or null.</summary>
    public string? UsageError { get; }

    /// <summary>
    /// Why the run stopped taking requests before it was done: the lock service (<see cref="ProcessorOptions.Coordination"/>)
    /// did not answer, and no request is handled without a lease. Null when it answered throughout.
    /// </summary>
    public string? CoordinationError { get; }

    /// <summary>Requests that failed unexpectedly (handler exception, rejected action): outcome <see cref="AutomationOutcome.Error"/>.</summary>
    public IReadOnlyList<ProcessedRequest> Errors => [.. Requests.Where(r => r.Outcome == AutomationOutcome.Error)];

    /// <summary>
    /// True when a request failed unexpectedly, usage reporting failed or the lock service was unavailable; a <c>once</c>
    /// run then exits with 1.
    /// </summary>
    public bool HasUnexpectedFailures =>
        UsageError is not null || CoordinationError is not null || Requests.Any(r => r.Outcome == AutomationOutcome.Error);

    /// <summary>How many requests ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">The outcome to count.</param>
    /// <returns>The count.</returns>
    public int Count(AutomationOutcome outcome) => Requests.Count(r => r.Outcome == outcome);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Requests.Count} request(s) in {Passes} pass(es): approved {Count(AutomationOutcome.Approved)}, inquired {Count(AutomationOutcome.Inquired)}, "
        + $"failed {Count(AutomationOutcome.Failed)}, skipped {Count(AutomationOutcome.Skipped)}, already handled {Count(AutomationOutcome.AlreadyHandled)}, "
        + $"errors {Count(AutomationOutcome.Error)}{(UsagePeriod is null ? string.Empty : $", usage {UsagePeriod}: {UsageFiles.Count} file(s)")}"
        + $"{(UsageError is null ? string.Empty : ", usage failed")}{(CoordinationError is null ? string.Empty : ", lock service unavailable")}{(Cancelled ? ", stopped early" : string.Empty)} in {Duration.TotalSeconds:0.00} s";
}
