using System.Collections.Concurrent;
using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Processor;

/// <summary>
/// The processor: one run processes pending tier config requests, then pending fulfillment requests of the configured
/// products and connection types, dispatching each to the handler registered for its type, and repeats while a pass makes
/// progress (so a purchase released from <c>tiers_setup</c> by an approved tier config request is processed in the same
/// run); then it reports usage when due. Registered as a singleton by <c>AddConnectProcessor</c>; the hosted service
/// calls it, and so can a program of your own.
/// </summary>
public sealed class ConnectProcessor : IDisposable
{
    private readonly ProcessorOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly IServiceProviderIsService _registered;
    private readonly IProcessorObserver[] _observers;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lazy<ConnectClient> _client;
    private readonly Lock _usageLock = new();
    private UsagePeriod? _lastUsagePeriod;

    /// <summary>Creates the processor (normally done by dependency injection).</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="scopes">Creates one service scope per request, from which its handler is resolved.</param>
    /// <param name="registered">Tells which handlers are registered.</param>
    /// <param name="observers">Progress observers.</param>
    /// <param name="loggerFactory">Logger factory.</param>
    /// <param name="timeProvider">Clock (the usage day and durations).</param>
    public ConnectProcessor(
        IOptions<ProcessorOptions> options, IServiceScopeFactory scopes, IServiceProviderIsService registered,
        IEnumerable<IProcessorObserver> observers, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        _registered = registered ?? throw new ArgumentNullException(nameof(registered));
        _observers = [.. observers ?? []];
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Connect.Processor");
        _time = timeProvider ?? TimeProvider.System;
        _client = new Lazy<ConnectClient>(() => new ConnectClient(ProcessorOptionsValidator.ToClientOptions(_options), null, _loggerFactory));
    }

    /// <summary>The processor's settings.</summary>
    public ProcessorOptions Options => _options;

    /// <summary>The Connect client the processor uses (created on first use from the processor's settings).</summary>
    public ConnectClient Client => _client.Value;

    /// <summary>
    /// Runs once: passes until one makes no progress (at most <see cref="ProcessorOptions.MaxPasses"/>), then usage
    /// reporting when today is <see cref="ProcessorOptions.DayToReportUsage"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the run gracefully: requests in flight are finished, no new one is taken.</param>
    /// <returns>The run's report.</returns>
    public Task<ProcessorRunReport> RunOnceAsync(CancellationToken cancellationToken = default) =>
        RunOnceAsync(cancellationToken, CancellationToken.None);

    /// <summary>Runs once, with a separate token that aborts requests in flight (see <see cref="RunOnceAsync(CancellationToken)"/>).</summary>
    /// <param name="cancellationToken">Stops the run gracefully.</param>
    /// <param name="abortToken">Cancels handlers in flight (passed to them); use it when a graceful stop takes too long.</param>
    /// <returns>The run's report.</returns>
    public async Task<ProcessorRunReport> RunOnceAsync(CancellationToken cancellationToken, CancellationToken abortToken)
    {
        var started = _time.GetTimestamp();
        Log.RunStarted(_logger, _options.Mode, string.Join(",", _options.Products), string.Join(",", _options.EffectiveEnvironments), _options.Shard.Index, _options.Shard.Count);
        var run = new RunState(new TemplateCache(Client), abortToken);
        var passes = 0;
        for (var pass = 1; pass <= _options.MaxPasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            passes = pass;
            var progress = false;
            if (_registered.IsService(typeof(ITierConfigRequestHandler)))
            {
                progress |= await RunStageAsync(ProcessorStage.TierConfigRequests, pass, run, cancellationToken).ConfigureAwait(false);
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                progress |= await RunStageAsync(ProcessorStage.FulfillmentRequests, pass, run, cancellationToken).ConfigureAwait(false);
            }

            if (!progress)
            {
                Log.NoProgress(_logger, pass);
                break;
            }

            if (pass == _options.MaxPasses)
            {
                Log.PassLimit(_logger, pass);
            }
        }

        var (period, files, usageError) = cancellationToken.IsCancellationRequested
            ? (null, [], null)
            : await ReportUsageIfDueAsync(cancellationToken).ConfigureAwait(false);
        var report = new ProcessorRunReport(
            [.. run.Outcomes.Values.OrderBy(o => o.Order).Select(o => o.Request)], passes, _time.GetElapsedTime(started),
            cancellationToken.IsCancellationRequested, period, files, usageError);
        Log.RunFinished(_logger, report.ToString());
        foreach (var observer in _observers)
        {
            observer.OnRunCompleted(report);
        }

        return report;
    }

    /// <summary>
    /// Reports usage for the previous month when today (UTC) is <see cref="ProcessorOptions.DayToReportUsage"/>, a usage
    /// reporter is registered, this is shard 0, and this process has not reported that month yet.
    /// </summary>
    /// <param name="cancellationToken">Cancels reporting.</param>
    /// <returns>The period reported (null when not due), the files submitted, and the error message when it failed.</returns>
    internal async Task<(UsagePeriod? Period, IReadOnlyList<UsageFile> Files, string? Error)> ReportUsageIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_options.DayToReportUsage is not { } day || now.UtcDateTime.Day != day || _options.Shard.Index != 0
            || !_registered.IsService(typeof(IUsageReporter)))
        {
            return (null, [], null);
        }

        var period = UsagePeriod.PreviousMonth(now);
        lock (_usageLock)
        {
            if (period == _lastUsagePeriod)
            {
                Log.UsageAlreadyReported(_logger, period.ToString());
                return (null, [], null);
            }
        }

        Log.UsageStarted(_logger, period.ToString());
        var context = new UsageReportContext(Client, _options, period, _logger);
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using var scopeLifetime = scope.ConfigureAwait(false);
            var reporter = scope.ServiceProvider.GetRequiredService<IUsageReporter>();
            await reporter.ReportAsync(context, cancellationToken).ConfigureAwait(false);
            lock (_usageLock)
            {
                _lastUsagePeriod = period;
            }

            return (period, context.Submitted, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.UsageFailed(_logger, period.ToString(), ex);
            return (period, context.Submitted, ex.Message);
        }
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static bool IsProgress(AutomationOutcome outcome) =>
        outcome is AutomationOutcome.Approved or AutomationOutcome.Inquired or AutomationOutcome.Failed;

    private async Task<bool> RunStageAsync(ProcessorStage stage, int pass, RunState run, CancellationToken cancellationToken)
    {
        var query = StageQuery(stage);
        var automation = new AutomationOptions
        {
            MaxConcurrency = _options.MaxConcurrency,
            Products = [.. _options.Products],
            Query = query,
            TimeProvider = _time,
        };
        if (_observers.Length > 0)
        {
            long pending;
            try
            {
                pending = stage == ProcessorStage.TierConfigRequests
                    ? await Client.TierConfigRequests.CountAsync(query, cancellationToken).ConfigureAwait(false)
                    : await Client.Requests.CountAsync(query, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectException or OperationCanceledException)
            {
                pending = -1;
            }

            foreach (var observer in _observers)
            {
                observer.OnStageStarted(stage, pass, pending);
            }
        }

        var engineLogger = _loggerFactory.CreateLogger("Connect.Processor.Engine");
        AutomationReport report = stage == ProcessorStage.TierConfigRequests
            ? await new ProcessorTierConfigEngine(Client, automation, engineLogger, (r, c) => HandleTierConfigAsync(r, c, run))
                .ProcessAsync(cancellationToken).ConfigureAwait(false)
            : await new ProcessorFulfillmentEngine(Client, automation, engineLogger, (r, c) => HandleFulfillmentAsync(r, c, run))
                .ProcessAsync(cancellationToken).ConfigureAwait(false);

        var errors = report.Errors.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Last().Message, StringComparer.Ordinal);
        var finished = new List<ProcessedRequest>();
        foreach (var item in report.Items)
        {
            if (run.Foreign.ContainsKey(item.Id) && item.Outcome == AutomationOutcome.Skipped)
            {
                continue;
            }

            var message = errors.GetValueOrDefault(item.Id) ?? run.Messages.GetValueOrDefault(item.Id);
            var outcome = item.Outcome;
            if (outcome == AutomationOutcome.Skipped && run.LostRace.TryRemove(item.Id, out _))
            {
                outcome = AutomationOutcome.AlreadyHandled;
            }

            if (outcome == AutomationOutcome.AlreadyHandled)
            {
                message = "Already handled elsewhere (no longer pending).";
            }

            var processed = new ProcessedRequest(item.Id, stage, item.Type, outcome, item.Duration, message, pass);
            finished.Add(processed);
            run.Record(processed);
        }

        Log.StageFinished(_logger, pass, stage, finished.Count);
        foreach (var observer in _observers)
        {
            observer.OnStageCompleted(stage, pass, finished);
        }

        return finished.Any(r => IsProgress(r.Outcome));
    }

    private Query StageQuery(ProcessorStage stage)
    {
        var prefix = stage == ProcessorStage.TierConfigRequests ? "configuration" : "asset";
        return new Query()
            .In(prefix + ".product.id", _options.Products)
            .In(prefix + ".connection.type", _options.EffectiveEnvironments)
            .Equal("status", "pending");
    }

    private async Task<ProcessResult> HandleFulfillmentAsync(FulfillmentRequest request, AutomationContext automation, RunState run)
    {
        var id = automation.ItemId;
        var type = request.Type ?? string.Empty;
        run.Messages.TryRemove(id, out _);
        if (!_options.Shard.Owns(id))
        {
            return OtherShard(automation, run, id, type);
        }

        var scope = _scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var services = scope.ServiceProvider;
        var context = NewContext(automation, run, id, type);
        ProcessResult? result = null;
        if (type == RequestType.Purchase && _options.InquireOnInvalidOrderingParameters)
        {
            var errors = new List<ParameterError>();
            foreach (var validator in services.GetServices<IOrderingParameterValidator>())
            {
                errors.AddRange(await validator.ValidateAsync(request, run.AbortToken).ConfigureAwait(false));
            }

            if (errors.Count > 0)
            {
                var byParameter = errors.GroupBy(e => e.ParameterId, StringComparer.Ordinal)
                    .Select(g => new Param { Id = g.Key, ValueError = string.Join(" ", g.Select(e => e.Message).Distinct()) })
                    .ToList();
                var names = string.Join(", ", byParameter.Select(p => p.Id));
                Log.InvalidOrderingParameters(automation.Logger, id, type, byParameter.Count, names);
                var templateId = string.IsNullOrWhiteSpace(_options.InquireTemplateName)
                    ? null
                    : await context.GetTemplateIdAsync(request.GetProductId(), _options.InquireTemplateName, "asset", run.AbortToken).ConfigureAwait(false);
                result = ProcessResult.Inquire(byParameter, templateId);
                run.Messages[id] = $"Ordering parameters to fix: {names}.";
            }
        }

        if (result is null)
        {
            Task<ProcessResult>? handled = type switch
            {
                RequestType.Purchase => services.GetService<IPurchaseHandler>()?.HandleAsync(request, context, run.AbortToken),
                RequestType.Change => services.GetService<IChangeHandler>()?.HandleAsync(request, context, run.AbortToken),
                RequestType.Suspend => services.GetService<ISuspendHandler>()?.HandleAsync(request, context, run.AbortToken),
                RequestType.Resume => services.GetService<IResumeHandler>()?.HandleAsync(request, context, run.AbortToken),
                RequestType.Cancel => services.GetService<ICancelHandler>()?.HandleAsync(request, context, run.AbortToken),
                _ => null,
            };
            try
            {
                result = handled is null ? NoHandler(automation, run, id, type) : await handled.ConfigureAwait(false);
            }
            catch (ConnectApiException ex) when (IsRefusal(ex))
            {
                // Another replica (or a person) handled the request while ours was working on it: not a failure.
                if (await MovedOnAsync(ProcessorStage.FulfillmentRequests, id).ConfigureAwait(false))
                {
                    return LostRace(automation, run, id, type);
                }

                throw;
            }
        }

        return Handled(ProcessorStage.FulfillmentRequests, run, id, type, result);
    }

    private async Task<ProcessResult> HandleTierConfigAsync(TierConfigRequest request, AutomationContext automation, RunState run)
    {
        var id = automation.ItemId;
        var type = request.Type ?? string.Empty;
        run.Messages.TryRemove(id, out _);
        if (!_options.Shard.Owns(id))
        {
            return OtherShard(automation, run, id, type);
        }

        var scope = _scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var handler = scope.ServiceProvider.GetService<ITierConfigRequestHandler>();
        ProcessResult? result;
        try
        {
            result = handler is null
                ? NoHandler(automation, run, id, type)
                : await handler.HandleAsync(request, NewContext(automation, run, id, type), run.AbortToken).ConfigureAwait(false);
        }
        catch (ConnectApiException ex) when (IsRefusal(ex))
        {
            if (await MovedOnAsync(ProcessorStage.TierConfigRequests, id).ConfigureAwait(false))
            {
                return LostRace(automation, run, id, type);
            }

            throw;
        }

        return Handled(ProcessorStage.TierConfigRequests, run, id, type, result);
    }

    private ProcessorContext NewContext(AutomationContext automation, RunState run, string id, string type) =>
        new(Client, _options, run.Templates, automation.Logger, _time, id, type, automation.UpdateParametersAsync);

    private ProcessResult OtherShard(AutomationContext automation, RunState run, string id, string type)
    {
        Log.OtherShard(automation.Logger, id, type, RequestShard.Of(id, _options.Shard.Count), _options.Shard.Index);
        run.Foreign[id] = true;

        // No message: nothing is written to the request, it stays pending for the replica that owns it.
        return ProcessResult.Skip();
    }

    private static bool IsRefusal(ConnectApiException exception) =>
        exception.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound;

    /// <summary>Whether the request left <c>pending</c> (re-read after one of our calls was refused).</summary>
    private async Task<bool> MovedOnAsync(ProcessorStage stage, string id)
    {
        try
        {
            var status = stage == ProcessorStage.TierConfigRequests
                ? (await Client.TierConfigRequests.GetAsync(id, CancellationToken.None).ConfigureAwait(false)).Status
                : (await Client.Requests.GetAsync(id, CancellationToken.None).ConfigureAwait(false)).Status;
            return status != RequestStatus.Pending;
        }
        catch (ConnectException)
        {
            return false;
        }
    }

    private static ProcessResult LostRace(AutomationContext automation, RunState run, string id, string type)
    {
        Log.AlreadyHandled(automation.Logger, id, type);
        run.LostRace[id] = true;
        return ProcessResult.Skip();
    }

    private static ProcessResult NoHandler(AutomationContext automation, RunState run, string id, string type)
    {
        Log.NoHandler(automation.Logger, id, type);
        run.Messages[id] = $"No handler registered for '{type}' requests.";
        return ProcessResult.Skip();
    }

    private ProcessResult Handled(ProcessorStage stage, RunState run, string id, string type, ProcessResult? result)
    {
        if (result is null)
        {
            // The engine reports a null result as an error; nothing to tell the observers.
            return null!;
        }

        if (result.Message is { Length: > 0 } message)
        {
            run.Messages.TryAdd(id, message);
        }

        foreach (var observer in _observers)
        {
            observer.OnRequestHandled(stage, id, type, result);
        }

        return result;
    }

    /// <summary>State of one run: the template cache, messages per request and the outcomes so far.</summary>
    private sealed class RunState(TemplateCache templates, CancellationToken abortToken)
    {
        private int _order;

        public TemplateCache Templates { get; } = templates;

        public CancellationToken AbortToken { get; } = abortToken;

        public ConcurrentDictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> Foreign { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, bool> LostRace { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, (int Order, ProcessedRequest Request)> Outcomes { get; } = new(StringComparer.Ordinal);

        public void Record(ProcessedRequest request) => Outcomes[request.Id] = (Interlocked.Increment(ref _order), request);
    }
}
