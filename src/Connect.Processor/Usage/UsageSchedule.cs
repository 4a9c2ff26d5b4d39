using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// Reports usage for the previous month when today (UTC) is <see cref="ProcessorOptions.DayToReportUsage"/>, a usage
/// reporter is registered, this is shard 0, and this process has not reported that month yet.
/// </summary>
internal sealed class UsageSchedule(
    ProcessorOptions options, ConnectClient client, IServiceScopeFactory scopes, IServiceProviderIsService registered, ILogger logger, TimeProvider time)
{
    private readonly Lock _gate = new();
    private UsagePeriod? _lastPeriod;

    /// <summary>Reports when due.</summary>
    /// <param name="cancellationToken">Cancels reporting.</param>
    /// <returns>The period reported (null when not due), the files submitted, and the error message when it failed.</returns>
    public async Task<(UsagePeriod? Period, IReadOnlyList<UsageFile> Files, string? Error)> ReportIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (options.DayToReportUsage is not { } day || now.UtcDateTime.Day != day || options.Shard.Index != 0
            || !registered.IsService(typeof(IUsageReporter)))
        {
            return (null, [], null);
        }

        var period = UsagePeriod.PreviousMonth(now);
        lock (_gate)
        {
            if (period == _lastPeriod)
            {
                Log.UsageAlreadyReported(logger, period.ToString());
                return (null, [], null);
            }
        }

        Log.UsageStarted(logger, period.ToString());
        var scope = scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var context = new UsageReportContext(new ItemContext(client, period.ToString(), "usage_report", logger, scope.ServiceProvider), options, period);
        try
        {
            var reporter = scope.ServiceProvider.GetRequiredService<IUsageReporter>();
            await reporter.ReportAsync(context, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _lastPeriod = period;
            }

            return (period, context.Submitted, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.UsageFailed(logger, period.ToString(), ex);
            return (period, context.Submitted, ex.Message);
        }
    }
}
