using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// The processor: one run processes pending tier config requests, then pending fulfillment requests of the configured
/// products and connection types, each handed to the handler registered for its type, and repeats while a pass makes
/// progress (so a purchase released from <c>tiers_setup</c> by an approved tier config request is processed in the same
/// run); then it reports usage when due. Each stage runs on the <see cref="AutomationEngine{TItem}"/>, which carries out
/// the outcomes and reconciles races with other replicas. Registered as a singleton by <c>AddConnectProcessor</c>; the
/// hosted service calls it, and so can a program of your own.
/// </summary>
public sealed class ConnectProcessor
{
    private readonly IServiceProviderIsService _registered;
    private readonly IProcessorObserver[] _observers;
    private readonly TemplateCache _templates;
    private readonly StageRunner _stages;
    private readonly UsageSchedule _usage;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ItemLeases _leases;

    internal ConnectProcessor(
        ProcessorOptions options, ConnectClient client, TemplateCache templates, IServiceScopeFactory scopes, IServiceProviderIsService registered,
        IEnumerable<IProcessorObserver> observers, ILoggerFactory loggerFactory, TimeProvider timeProvider, ItemLeases leases)
    {
        Options = options;
        Client = client;
        _templates = templates;
        _registered = registered;
        _observers = [.. observers];
        _logger = loggerFactory.CreateLogger("Connect.Processor");
        _time = timeProvider;
        _leases = leases;
        Log.Coordination(_logger, leases.Service.Description, (int)leases.Service.LeaseDuration.TotalSeconds);
        _stages = new StageRunner(options, client, scopes, _observers, loggerFactory, timeProvider);
        _usage = new UsageSchedule(options, client, scopes, registered, _logger, timeProvider);
    }

    /// <summary>The processor's settings.</summary>
    public ProcessorOptions Options { get; }

    /// <summary>The Connect client the processor uses: the one registered with <c>AddConnectClient</c>, on <see cref="ProcessorOptions.Connect"/>.</summary>
    public ConnectClient Client { get; }

    /// <summary>
    /// Runs once: passes until one makes no progress (at most <see cref="ProcessorOptions.MaxPasses"/>), then usage
    /// reporting when today is <see cref="ProcessorOptions.DayToReportUsage"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the run gracefully: requests in flight are finished, no new one is taken.</param>
    /// <returns>The run's report.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The abort token is a second, separate token for hosts; an optional second token would blur which one a single-token call passes.")]
    public Task<ProcessorRunReport> RunOnceAsync(CancellationToken cancellationToken = default) =>
        RunOnceAsync(cancellationToken, CancellationToken.None);

    /// <summary>Runs once, with a separate token that aborts requests in flight (see <see cref="RunOnceAsync(CancellationToken)"/>).</summary>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <param name="abortToken">Cancels handlers in flight (passed to them); use it when a graceful stop takes too long.</param>
    /// <returns>The run's report.</returns>
    public async Task<ProcessorRunReport> RunOnceAsync(CancellationToken cancellationToken, CancellationToken abortToken)
    {
        var started = _time.GetTimestamp();
        Log.RunStarted(_logger, Options.Mode, string.Join(",", Options.Products), string.Join(",", Options.EffectiveEnvironments), Options.Shard.Index, Options.Shard.Count);
        _templates.Clear();
        var run = new RunState(abortToken);
        var hasTierConfigHandler = RegisteredHandlers.HasTierConfigHandler(_registered);
        var passes = 0;
        for (var pass = 1; pass <= Options.MaxPasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            passes = pass;
            var progress = false;
            if (hasTierConfigHandler)
            {
                progress |= await TierConfigStageAsync(pass, run, cancellationToken).ConfigureAwait(false);
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                progress |= await FulfillmentStageAsync(pass, run, cancellationToken).ConfigureAwait(false);
            }

            if (run.CoordinationError is not null)
            {
                // The lock service is down: no request is handled without a lease, so this run takes no more.
                break;
            }

            if (!progress)
            {
                Log.NoProgress(_logger, pass);
                break;
            }

            if (pass == Options.MaxPasses)
            {
                Log.PassLimit(_logger, pass);
            }
        }

        var (period, files, usageError) = cancellationToken.IsCancellationRequested
            ? (null, [], null)
            : await _usage.ReportIfDueAsync(cancellationToken).ConfigureAwait(false);
        var report = new ProcessorRunReport(
            [.. run.Outcomes.Values.OrderBy(o => o.Order).Select(o => o.Request)], passes, _time.GetElapsedTime(started),
            cancellationToken.IsCancellationRequested, period, files, usageError, run.CoordinationError);
        Log.RunFinished(_logger, report.ToString());
        foreach (var observer in _observers)
        {
            observer.OnRunCompleted(report);
        }

        return report;
    }

    /// <summary>Reports usage when due (see <see cref="UsageSchedule"/>).</summary>
    internal Task<(UsagePeriod? Period, IReadOnlyList<UsageFile> Files, string? Error)> ReportUsageIfDueAsync(CancellationToken cancellationToken) =>
        _usage.ReportIfDueAsync(cancellationToken);

    private Task<bool> TierConfigStageAsync(int pass, RunState run, CancellationToken cancellationToken) =>
        _stages.RunAsync(
            ProcessorStage.TierConfigRequests, pass, run,
            new RequestDispatcher<TierConfigRequest>(
                ProcessorStage.TierConfigRequests, r => r.Type, run, _observers, _leases, Reread(async (id, ct) => await Client.TierConfigRequests.GetAsync(id, ct).ConfigureAwait(false), r => r.Status)),
            Client.TierConfigRequests.CountAsync, cancellationToken);

    private Task<bool> FulfillmentStageAsync(int pass, RunState run, CancellationToken cancellationToken) =>
        _stages.RunAsync(
            ProcessorStage.FulfillmentRequests, pass, run,
            new RequestDispatcher<FulfillmentRequest>(
                ProcessorStage.FulfillmentRequests, r => r.Type, run, _observers, _leases,
                Reread(async (id, ct) => await Client.Requests.GetAsync(id, ct).ConfigureAwait(false), r => r.Status),
                new OrderingParameterCheck(Options, run).CheckAsync),
            Client.Requests.CountAsync, cancellationToken);

    /// <summary>
    /// How a request is read again under its lease: its current copy while pending, null once it moved on. None with
    /// <see cref="CoordinationKind.None"/>, where no other replica can have moved it.
    /// </summary>
    private Func<string, CancellationToken, Task<TItem?>>? Reread<TItem>(Func<string, CancellationToken, Task<TItem>> get, Func<TItem, string?> statusOf)
        where TItem : class =>
        _leases.Service.Kind == CoordinationKind.None
            ? null
            : async (id, cancellationToken) =>
            {
                var current = await get(id, cancellationToken).ConfigureAwait(false);
                return statusOf(current) == RequestStatus.Pending ? current : null;
            };
}
