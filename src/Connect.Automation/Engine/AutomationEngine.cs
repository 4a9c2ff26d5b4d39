using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Connect.Sdk;
using Connect.Sdk.Rql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect.Automation;

/// <summary>
/// The automation engine: lists the work page by page, hands each item to an <see cref="IRequestHandler{TItem}"/> with
/// bounded concurrency, carries out the returned <see cref="ProcessResult"/> on Connect, reconciles races with other
/// actors, isolates failures and reports. The Python connect-sdk style classes (<see cref="FulfillmentAutomation"/>, ...) and the
/// processor run their work through it.
/// </summary>
/// <typeparam name="TItem">
/// <see cref="Connect.Sdk.Models.FulfillmentRequest"/>, <see cref="Connect.Sdk.Models.TierConfigRequest"/>,
/// <see cref="Connect.Sdk.Models.UsageFile"/> or <see cref="Connect.Sdk.Models.UsageListing"/>.
/// </typeparam>
public sealed class AutomationEngine<TItem>
    where TItem : class
{
    private readonly ItemKind<TItem> _kind;
    private readonly IRequestHandler<TItem> _handler;
    private readonly IServiceScopeFactory? _scopes;
    private readonly ILogger _logger;

    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client, used for listing and for carrying out results.</param>
    /// <param name="handler">Decides each item's outcome.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    /// <param name="scopes">
    /// When given, a service scope is created for every item and passed as <see cref="ItemContext.Services"/> (a handler
    /// registered with dependency injection is resolved from it).
    /// </param>
    /// <exception cref="NotSupportedException"><typeparamref name="TItem"/> is not one of the four item types.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AutomationEngine(
        ConnectClient client, IRequestHandler<TItem> handler, AutomationOptions? options = null, ILogger? logger = null, IServiceScopeFactory? scopes = null)
        : this(ItemKinds.For<TItem>(), client, handler, options, logger, scopes)
    {
    }

    internal AutomationEngine(
        ItemKind<TItem> kind, ConnectClient client, IRequestHandler<TItem> handler, AutomationOptions? options, ILogger? logger, IServiceScopeFactory? scopes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handler);
        _kind = kind;
        _handler = handler;
        Client = client;
        Options = options?.Clone() ?? new AutomationOptions();
        Options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _scopes = scopes;
    }

    /// <summary>The client used for listing and actions.</summary>
    public ConnectClient Client { get; }

    /// <summary>The engine's copy of its options.</summary>
    public AutomationOptions Options { get; }

    /// <summary>The products to process: <see cref="AutomationOptions.Products"/>, else the client's.</summary>
    internal IReadOnlyList<string> Products => Options.Products.Count > 0 ? [.. Options.Products] : [.. Client.Options.Products];

    /// <summary>
    /// The query <see cref="ProcessAsync(CancellationToken)"/> lists (the Python-style classes' <c>Filters()</c> start from it):
    /// <see cref="AutomationOptions.Query"/> when set, else
    /// the default filters of the item kind (e.g. <c>status=pending</c> and the products).
    /// </summary>
    /// <returns>A new query.</returns>
    internal Query CreateQuery() => Options.Query?.Clone() ?? _kind.DefaultFilters(Products);

    /// <summary>
    /// Lists every item matching <see cref="AutomationOptions.Query"/> or, when it is not set, the item kind's default
    /// filters (all pages), processes each, and reports. Items are listed in
    /// passes: a pass starts at the first page again, because items this run moves on leave the filter and shift the
    /// later pages; the run ends when a pass finds no item it has not seen.
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops listing and new items; handlers in flight see it. Once a handler has returned, its result is written to
    /// Connect to the end (an inquire's parameter update and inquire call are never split by cancellation).
    /// </param>
    /// <returns>The report (with <see cref="AutomationReport.Cancelled"/> set when cancelled).</returns>
    /// <exception cref="ConnectApiException">The work could not be listed (authentication, connectivity).</exception>
    public Task<AutomationReport> ProcessAsync(CancellationToken cancellationToken = default) => ProcessAsync(CreateQuery(), cancellationToken);

    /// <summary>Processes every item of <paramref name="query"/> (see <see cref="ProcessAsync(CancellationToken)"/>).</summary>
    internal async Task<AutomationReport> ProcessAsync(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var time = Options.TimeProvider;
        var started = time.GetTimestamp();
        var outcomes = new ConcurrentQueue<ItemOutcome>();
        var errors = new ConcurrentQueue<AutomationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Log.RunStarted(_logger, _kind.Name, Options.MaxConcurrency, query.Compile());
        using var activity = AutomationTelemetry.Source.StartActivity(AutomationTelemetry.RunSpanName);
        activity?.SetTag("connect.automation.kind", _kind.Name);
        var cancelled = false;
        try
        {
            for (var pass = 1; ; pass++)
            {
                var counter = new StrongBox<int>();
                using var schedule = new KeyedSchedule<TItem>();
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxConcurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(
                    NewItemsAsync(query.Clone(), seen, counter, schedule, cancellationToken),
                    parallel,
                    async (item, token) => await ProcessInOrderAsync(item, schedule, outcomes, errors, token).ConfigureAwait(false)).ConfigureAwait(false);
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
        if (activity is not null)
        {
            activity.SetTag("connect.automation.items", report.Items.Count);
            activity.SetTag("connect.automation.errors", report.Errors.Count);
            activity.SetTag("connect.automation.cancelled", cancelled);
            if (report.Errors.Count > 0)
            {
                activity.SetStatus(ActivityStatusCode.Error, $"{report.Errors.Count} item(s) failed");
            }
        }

        if (cancelled)
        {
            Log.RunCancelled(_logger, _kind.Name, report);
        }
        else
        {
            Log.RunFinished(_logger, _kind.Name, report);
        }

        return report;
    }

    private async IAsyncEnumerable<TItem> NewItemsAsync(
        Query query, HashSet<string> seen, StrongBox<int> counter, KeyedSchedule<TItem> schedule, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Parallel.ForEachAsync pulls from one enumerator at a time, so `seen` is touched by one thread at a time.
        await foreach (var item in _kind.ListAsync(Client, query, cancellationToken).ConfigureAwait(false))
        {
            var id = _kind.IdOf(item);
            if (seen.Add(id))
            {
                counter.Value++;
                if (Options.ItemFilter?.Invoke(id) != false
                    && await schedule.AdmitAsync(_kind.OrderKeyOf(item), item, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// Processes <paramref name="item"/>, then every item queued behind it for the same key (asset; tier account and
    /// product), one after the other in listing order.
    /// </summary>
    private async ValueTask ProcessInOrderAsync(
        TItem item, KeyedSchedule<TItem> schedule, ConcurrentQueue<ItemOutcome> outcomes, ConcurrentQueue<AutomationError> errors, CancellationToken cancellationToken)
    {
        var key = _kind.OrderKeyOf(item);
        for (TItem? next = item; next is not null; next = key is not null && schedule.TryTakeNext(key, out var queued) ? queued : null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ProcessItemAsync(next, outcomes, errors, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ProcessItemAsync(
        TItem item, ConcurrentQueue<ItemOutcome> outcomes, ConcurrentQueue<AutomationError> errors, CancellationToken cancellationToken)
    {
        var time = Options.TimeProvider;
        var started = time.GetTimestamp();
        var id = _kind.IdOf(item);
        var type = _kind.TypeOf(item);
        using var activity = AutomationTelemetry.Source.StartActivity(AutomationTelemetry.ItemSpanName);
        activity?.SetTag("connect.automation.kind", _kind.Name);
        activity?.SetTag("connect.item.id", id);
        activity?.SetTag("connect.item.type", type);
        using var scope = _logger.BeginScope(_kind.ScopeOf(item));
        var logger = new ItemLogger(_logger, Options.DebugLogBufferSize, Client.Options.ApiKey, time);
        var services = _scopes?.CreateAsyncScope();
        AutomationOutcome outcome;
        try
        {
            var context = new ItemContext(
                Client, logger, services?.ServiceProvider ?? NoServices.Instance, id, type, Options.MaxNoteLength,
                UnchangedParameters.Wrap(_kind.ParameterUpdater(Client, id), _kind.ParamsOf(item)), _kind.HasConversation);
            var run = new ItemRun<TItem>(_kind, Options, item, id, type, context, logger, errors);
            outcome = await run.RunAsync(_handler, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (services is { } owned)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (outcome == AutomationOutcome.Error)
        {
            logger.Flush();
        }
        else
        {
            logger.Discard();
        }

        var elapsed = time.GetElapsedTime(started);
        activity?.SetTag("connect.automation.outcome", outcome.ToString());
        activity?.SetTag("connect.automation.item.duration", elapsed.TotalSeconds);
        AutomationTelemetry.ItemsProcessed.Add(1, new TagList { { "connect.automation.kind", _kind.Name }, { "connect.automation.outcome", outcome.ToString() } });
        outcomes.Enqueue(new ItemOutcome(id, type, outcome, elapsed));
    }
}
