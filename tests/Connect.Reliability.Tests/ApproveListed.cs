using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Reliability.Tests;

/// <summary>
/// Approves the pending purchases whose ids are in <paramref name="ids"/> (sets the required fulfillment parameter,
/// then approves with the activation template); skips every other request.
/// </summary>
public sealed class ApproveListed(ConnectClient client, IReadOnlySet<string> ids, AutomationOptions? options = null, ILogger? logger = null)
    : FulfillmentAutomation(client, options, logger)
{
    public const string Product = "PRD-100-200-300";
    public const string ActivationTemplate = "TL-100-200-301";

    protected override async Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken)
    {
        if (request.Id is null || !ids.Contains(request.Id))
        {
            return ProcessResult.Skip();
        }

        await UpdateParametersAsync(request.Id!, [new Param { Id = "subscription_id", Value = "SUB-" + request.Id }], cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProcessResult.Approve(ActivationTemplate);
    }

    /// <summary>
    /// Runs <see cref="FulfillmentAutomation.ProcessAsync"/> until a run finds nothing to do (at most
    /// <paramref name="maxRuns"/> runs). A run that throws (listing failed after its retries) counts as a run.
    /// </summary>
    public static async Task<DrainResult> DrainAsync(Func<ApproveListed> create, int maxRuns, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var result = new DrainResult();
        for (var run = 1; run <= maxRuns; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Runs++;
            try
            {
                var report = await create().ProcessAsync(cancellationToken).ConfigureAwait(false);
                result.Approved += report.Approved;
                result.AlreadyHandled += report.AlreadyHandled;
                result.Errors += report.Errors.Count;
                log?.Invoke($"run {run}: {report}");
                if (report.Approved + report.AlreadyHandled + report.Errors.Count == 0)
                {
                    result.Finished = true;
                    return result;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result.FailedRuns++;
                log?.Invoke($"run {run} failed: {e.GetType().Name}: {e.Message}");
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }
}

/// <summary>Totals over the runs of <see cref="ApproveListed.DrainAsync"/>.</summary>
public sealed class DrainResult
{
    public int Runs { get; set; }
    public int FailedRuns { get; set; }
    public int Approved { get; set; }
    public int AlreadyHandled { get; set; }
    public int Errors { get; set; }
    public bool Finished { get; set; }

    public override string ToString() =>
        $"runs {Runs} (failed {FailedRuns}), approved {Approved}, alreadyHandled {AlreadyHandled}, errors {Errors}, finished {Finished}";
}
