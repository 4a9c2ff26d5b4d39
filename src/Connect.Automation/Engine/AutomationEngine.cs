using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// The shared engine behind <see cref="FulfillmentAutomation"/>, <see cref="TierConfigAutomation"/>,
/// <see cref="UsageAutomation"/> and <see cref="UsageFileAutomation"/>: lists the work page by page, hands each item
/// to the handler with bounded concurrency, carries out the result on Connect, isolates failures and reports.
/// Only this assembly derives from it.
/// </summary>
/// <typeparam name="TItem">The kind of item processed.</typeparam>
public abstract class AutomationEngine<TItem>
    where TItem : class
{
    private readonly ILogger _logger;
    private readonly AsyncLocal<AutomationContext?> _current = new();

    private protected AutomationEngine(ConnectClient client, AutomationOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        Options = options?.Clone() ?? new AutomationOptions();
        Options.Validate();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The client used for listing and actions.</summary>
    protected ConnectClient Client { get; }

    /// <summary>The engine's copy of its options.</summary>
    protected AutomationOptions Options { get; }

    /// <summary>
    /// The logger: inside a handler, the current item's logger (with its scope and the debug buffer); elsewhere the
    /// engine's logger.
    /// </summary>
    protected ILogger Logger => _current.Value?.Logger ?? _logger;

    /// <summary>The helpers of the item being processed.</summary>
    /// <exception cref="InvalidOperationException">Used outside a handler.</exception>
    protected AutomationContext Context =>
        _current.Value ?? throw new InvalidOperationException("Context is only available while an item is being processed.");

    /// <summary>The products to process: <see cref="AutomationOptions.Products"/>, else the client's.</summary>
    protected IReadOnlyList<string> Products =>
        Options.Products.Count > 0 ? [.. Options.Products] : [.. Client.Options.Products];

    private protected abstract string EngineName { get; }

    /// <summary>
    /// Lists every matching item (all pages), processes each, and reports. Items are listed in passes: a pass starts
    /// at the first page again, because items this run moves on leave the filter and shift the later pages; the run
    /// ends when a pass finds no item it has not seen.
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops listing and new items; handlers in flight see it. Once a handler has returned, its result is written to
    /// Connect to the end (an inquire's parameter update and inquire call are never split by cancellation).
    /// </param>
    /// <returns>The report (with <see cref="AutomationReport.Cancelled"/> set when cancelled).</returns>
    /// <exception cref="ConnectApiException">The work could not be listed (authentication, connectivity).</exception>
    public async Task<AutomationReport> ProcessAsync(CancellationToken cancellationToken = default)
    {
        var time = Options.TimeProvider;
        var started = time.GetTimestamp();
        var outcomes = new ConcurrentQueue<ItemOutcome>();
        var errors = new ConcurrentQueue<AutomationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var query = Filters();
        Log.RunStarted(_logger, EngineName, Options.MaxConcurrency, query.Compile());
        var cancelled = false;
        try
        {
            for (var pass = 1; ; pass++)
            {
                var counter = new StrongBox<int>();
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(
                    NewItemsAsync(query.Clone(), seen, counter, cancellationToken),
                    parallel,
                    async (item, token) => await ProcessItemAsync(item, outcomes, errors, token).ConfigureAwait(false)).ConfigureAwait(false);
                Log.PassFinished(_logger, pass, counter.Value);
                if (counter.Value == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        var report = new AutomationReport([.. outcomes], [.. errors], time.GetElapsedTime(started), cancelled);
        if (cancelled)
        {
            Log.RunCancelled(_logger, EngineName, report);
        }
        else
        {
            Log.RunFinished(_logger, EngineName, report);
        }

        return report;
    }

    /// <summary>
    /// The query listed by <see cref="ProcessAsync"/> (the Python connect-sdk's <c>filters()</c>): <see cref="AutomationOptions.Query"/>
    /// when set, else the engine's default filters. Override to add conditions: <c>base.Filters().Equal(...)</c>.
    /// </summary>
    /// <returns>A new query.</returns>
    protected virtual Query Filters() => Options.Query?.Clone() ?? DefaultFilters();

    /// <summary>The engine's default filters, e.g. <c>status=pending</c> and the products.</summary>
    /// <returns>A new query.</returns>
    private protected abstract Query DefaultFilters();

    private protected abstract IAsyncEnumerable<TItem> ListAsync(Query query, CancellationToken cancellationToken);

    private protected abstract string IdOf(TItem item);

    private protected abstract string? StatusOf(TItem item);

    private protected abstract string TypeOf(TItem item);

    private protected abstract ItemScope ScopeOf(TItem item);

    private protected virtual bool HasConversation => false;

    private protected virtual Func<IEnumerable<Param>, string?, CancellationToken, Task>? ParameterUpdater(TItem item) => null;

    /// <summary>Whether to skip the item without calling the handler (a purchase that needs migration).</summary>
    private protected virtual bool SkipBeforeHandler(TItem item) => false;

    /// <summary>Runs the user's code. A <see langword="null"/> result with <c>completed</c> false is an error.</summary>
    private protected abstract Task<HandlerOutcome> InvokeHandlerAsync(TItem item, AutomationContext context, CancellationToken cancellationToken);

    private protected abstract bool Supports(ProcessAction action);

    /// <summary>Status the item has once <paramref name="action"/> went through.</summary>
    private protected abstract string TargetStatus(ProcessAction action);

    /// <summary>Carries out the result on Connect.</summary>
    private protected abstract Task ExecuteAsync(TItem item, ProcessResult result, AutomationContext context, CancellationToken cancellationToken);

    /// <summary>Reads the item's current status (after an ambiguous action).</summary>
    private protected abstract Task<string?> ReadStatusAsync(string id, CancellationToken cancellationToken);

    private static AutomationOutcome OutcomeOf(ProcessAction action) => action switch
    {
        ProcessAction.Approve or ProcessAction.ApproveWithTile => AutomationOutcome.Approved,
        ProcessAction.Inquire => AutomationOutcome.Inquired,
        ProcessAction.Fail => AutomationOutcome.Failed,
        ProcessAction.Skip => AutomationOutcome.Skipped,
        ProcessAction.Accept => AutomationOutcome.Accepted,
        ProcessAction.Reject => AutomationOutcome.Rejected,
        ProcessAction.Close => AutomationOutcome.Closed,
        ProcessAction.Delete => AutomationOutcome.Deleted,
        ProcessAction.Submit => AutomationOutcome.Submitted,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    // Could the action have been refused because the item moved on, or have gone through without us seeing the answer?
    private static bool IsAmbiguous(Exception exception) => exception switch
    {
        ConnectApiException api => api.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict || (int)api.StatusCode >= 500,
        ConnectException { IsTransportFailure: true } => true,
        _ => exception.GetType().Name == "TimeoutRejectedException",
    };

    // A 4xx answer means the server refused our call: if the item is in the target status, someone else put it there.
    private static bool IsRefusal(Exception exception) =>
        exception is ConnectApiException api && (int)api.StatusCode is >= 400 and < 500;

    private async IAsyncEnumerable<TItem> NewItemsAsync(
        Query query, HashSet<string> seen, StrongBox<int> counter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Parallel.ForEachAsync pulls from one enumerator at a time, so `seen` is touched by one thread at a time.
        await foreach (var item in ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (seen.Add(IdOf(item)))
            {
                counter.Value++;
                yield return item;
            }
        }
    }

    private async ValueTask ProcessItemAsync(
        TItem item, ConcurrentQueue<ItemOutcome> outcomes, ConcurrentQueue<AutomationError> errors, CancellationToken cancellationToken)
    {
        var time = Options.TimeProvider;
        var started = time.GetTimestamp();
        var id = IdOf(item);
        var type = TypeOf(item);
        using var scope = _logger.BeginScope(ScopeOf(item));
        var logger = new ItemLogger(_logger, Options.DebugLogBufferSize, Client.Options.ApiKey, time);
        var context = new AutomationContext(Client, logger, id, type, Options.MaxNoteLength, ParameterUpdater(item), HasConversation);
        _current.Value = context;
        AutomationOutcome outcome;
        try
        {
            outcome = await RunAsync(item, id, context, logger, errors, type, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _current.Value = null;
        }

        if (outcome == AutomationOutcome.Error)
        {
            logger.Flush();
        }
        else
        {
            logger.Discard();
        }

        outcomes.Enqueue(new ItemOutcome(id, type, outcome, time.GetElapsedTime(started)));
    }

    private async Task<AutomationOutcome> RunAsync(
        TItem item, string id, AutomationContext context, ItemLogger logger, ConcurrentQueue<AutomationError> errors, string type,
        CancellationToken cancellationToken)
    {
        Log.Processing(logger, id, StatusOf(item));
        if (SkipBeforeHandler(item))
        {
            Log.SkippedMigration(logger, id);
            return AutomationOutcome.Skipped;
        }

        ProcessResult? result;
        try
        {
            var handled = await InvokeHandlerAsync(item, context, cancellationToken).ConfigureAwait(false);
            if (handled.Completed)
            {
                Log.Outcome(logger, id, AutomationOutcome.Completed, "processed");
                return AutomationOutcome.Completed;
            }

            result = handled.Result;
        }
        catch (AutomationOutcomeException outcome)
        {
            try
            {
                result = outcome.Result;
            }
            catch (ArgumentException invalid)
            {
                return Fail(errors, id, type, logger, invalid.Message, invalid, () => Log.HandlerFailed(logger, id, invalid));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ItemCancelled(logger, id);
            return AutomationOutcome.Cancelled;
        }
        catch (Exception ex)
        {
            var failed = Fail(errors, id, type, logger, ex.Message, ex, () => Log.HandlerFailed(logger, id, ex));
            await PostErrorNoteAsync(context, logger, id, ex).ConfigureAwait(false);
            return failed;
        }

        if (result is null)
        {
            return Fail(errors, id, type, logger, "The handler returned null; return a ProcessResult (approve, inquire, fail or skip).", null, () => Log.NullResult(logger, id));
        }

        if (!Supports(result.Action))
        {
            var text = result.ToString();
            return Fail(errors, id, type, logger, $"Result {text} is not valid for {EngineName}.", null, () => Log.InvalidResult(logger, id, text));
        }

        // From here on the result is written to the end: cancellation must not split it (see ProcessAsync).
        try
        {
            return await CommitAsync(item, id, result, context, logger).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var action = result.Action.ToString();
            return Fail(errors, id, type, logger, $"{action} failed: {ex.Message}", ex, () => Log.ActionFailed(logger, id, action, ex));
        }
    }

    private async Task<AutomationOutcome> CommitAsync(TItem item, string id, ProcessResult result, AutomationContext context, ILogger logger)
    {
        var wanted = OutcomeOf(result.Action);
        try
        {
            Log.Calling(logger, id, result.ToString());
            await ExecuteAsync(item, result, context, CancellationToken.None).ConfigureAwait(false);
            Log.Outcome(logger, id, wanted, result.ToString());
            return wanted;
        }
        catch (Exception ex) when (result.Action != ProcessAction.Skip && IsAmbiguous(ex))
        {
            var status = await ReadStatusAsync(id, CancellationToken.None).ConfigureAwait(false);
            if (status == StatusOf(item))
            {
                // Still where it was: the action was genuinely refused (e.g. a required parameter is empty).
                throw;
            }

            var outcome = status == TargetStatus(result.Action) && !IsRefusal(ex) ? wanted : AutomationOutcome.AlreadyHandled;
            Log.Ambiguous(logger, id, result.Action.ToString(), ex.Message, status, outcome);
            return outcome;
        }
    }

    private AutomationOutcome Fail(
        ConcurrentQueue<AutomationError> errors, string id, string type, ItemLogger logger, string message, Exception? exception, Action log)
    {
        // The buffered debug entries come first, so they read as the story leading to the error.
        logger.Flush();
        log();
        errors.Enqueue(new AutomationError(id, type, message, exception));
        return AutomationOutcome.Error;
    }

    private async Task PostErrorNoteAsync(AutomationContext context, ILogger logger, string id, Exception exception)
    {
        if (!Options.PostNoteOnUnexpectedError || !context.HasConversation)
        {
            return;
        }

        try
        {
            await context.AddNoteOnceAsync($"Skipping request because an exception was thrown: {exception.Message}", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConnectException noteError)
        {
            Log.NoteFailed(logger, id, noteError);
        }
    }
}

/// <summary>What the user's code produced: a result, or (usage listings) completion without one.</summary>
internal readonly record struct HandlerOutcome(ProcessResult? Result, bool Completed);
