using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Rql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// Runs one stage of a pass on the automation engine: the stage's pending requests of this replica's shard, each handed
/// to the <see cref="RequestDispatcher{TItem}"/>; then turns the engine's report into the run's per-request outcomes and
/// tells the observers.
/// </summary>
internal sealed class StageRunner(
    ProcessorOptions options, ConnectClient client, IServiceScopeFactory scopes, IReadOnlyList<IProcessorObserver> observers,
    ILoggerFactory loggerFactory, TimeProvider time)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Connect.Processor");
    private readonly ILogger _engineLogger = loggerFactory.CreateLogger("Connect.Processor.Engine");

    /// <summary>Runs the stage; returns whether a request was approved, inquired or failed.</summary>
    public async Task<bool> RunAsync<TItem>(
        ProcessorStage stage, int pass, RunState run, RequestDispatcher<TItem> dispatcher, Func<Query, CancellationToken, Task<long>> count,
        CancellationToken cancellationToken)
        where TItem : class
    {
        var query = StageQuery(stage);
        await NotifyStartAsync(stage, pass, () => count(query, cancellationToken)).ConfigureAwait(false);
        var engine = new AutomationEngine<TItem>(client, dispatcher, EngineOptions(query), _engineLogger, scopes);

        // The engine takes new requests until a stop is requested or the lock service stops answering.
        AutomationReport report;
        using (var intake = run.BeginIntake(cancellationToken))
        {
            report = await engine.ProcessAsync(intake.Token).ConfigureAwait(false);
        }

        var errors = report.Errors.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Last().Message, StringComparer.Ordinal);
        var finished = new List<ProcessedRequest>();
        foreach (var item in report.Items)
        {
            var outcome = item.Outcome == AutomationOutcome.Skipped && run.Outcome.TryRemove(item.Id, out var known) ? known : item.Outcome;
            var message = outcome == AutomationOutcome.AlreadyHandled
                ? "Already handled elsewhere (no longer pending)."
                : errors.GetValueOrDefault(item.Id) ?? run.Messages.GetValueOrDefault(item.Id);
            var processed = new ProcessedRequest(item.Id, stage, item.Type, outcome, item.Duration, message, pass);
            finished.Add(processed);
            run.Record(processed);
        }

        Log.StageFinished(_logger, pass, stage, finished.Count);
        foreach (var observer in observers)
        {
            observer.OnStageCompleted(stage, pass, finished);
        }

        return finished.Any(r => r.Outcome is AutomationOutcome.Approved or AutomationOutcome.Inquired or AutomationOutcome.Failed);
    }

    private AutomationOptions EngineOptions(Query query) => new()
    {
        MaxConcurrency = options.MaxConcurrency,
        Products = [.. options.Products],
        Query = query,
        TimeProvider = time,
        ItemFilter = Owns,
    };

    // Requests of another shard are left pending for the replica that owns them: nothing is written to them.
    private bool Owns(string id)
    {
        if (options.Shard.Owns(id))
        {
            return true;
        }

        Log.OtherShard(_logger, id, RequestShard.Of(id, options.Shard.Count), options.Shard.Index);
        return false;
    }

    private Query StageQuery(ProcessorStage stage)
    {
        var prefix = stage == ProcessorStage.TierConfigRequests ? "configuration" : "asset";
        return new Query()
            .In(prefix + ".product.id", options.Products)
            .In(prefix + ".connection.type", options.EffectiveEnvironments)
            .Equal("status", "pending");
    }

    private async Task NotifyStartAsync(ProcessorStage stage, int pass, Func<Task<long>> count)
    {
        if (observers.Count == 0)
        {
            return;
        }

        long pending;
        try
        {
            pending = await count().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectException or OperationCanceledException)
        {
            pending = -1;
        }

        foreach (var observer in observers)
        {
            observer.OnStageStarted(stage, pass, pending);
        }
    }
}
