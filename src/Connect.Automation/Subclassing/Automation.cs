using Connect.Sdk;
using Connect.Sdk.Rql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect.Automation;

/// <summary>
/// The Python connect-sdk's style of API, kept for porting: subclass <see cref="FulfillmentAutomation"/>, <see cref="TierConfigAutomation"/>,
/// <see cref="UsageAutomation"/> or <see cref="UsageFileAutomation"/>, override <c>ProcessRequestAsync</c>, return a
/// result or raise one of the Python connect-sdk's outcome exceptions (<see cref="InquireRequestException"/>, ...), and call
/// <see cref="ProcessAsync"/>. A thin adapter: the subclass is the <see cref="IRequestHandler{TItem}"/> of an
/// <see cref="AutomationEngine{TItem}"/>, which does all the work. Only this assembly derives from it directly.
/// </summary>
/// <typeparam name="TItem">The kind of item processed.</typeparam>
public abstract class Automation<TItem> : IRequestHandler<TItem>
    where TItem : class
{
    private readonly AutomationEngine<TItem> _engine;

    /// <summary>Creates the engine that runs this subclass.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    /// <remarks>Only this assembly's classes can be derived: <see cref="HandleAsync(TItem, CancellationToken)"/> is not overridable elsewhere.</remarks>
    protected Automation(ConnectClient client, AutomationOptions? options, ILogger? logger)
    {
        _engine = new AutomationEngine<TItem>(client, this, options, logger);
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The client used for listing and actions.</summary>
    protected ConnectClient Client => _engine.Client;

    /// <summary>The engine's copy of its options.</summary>
    protected AutomationOptions Options => _engine.Options;

    /// <summary>
    /// The logger given to the constructor; the engine's scope carries the current item's ids. (An
    /// <see cref="IRequestHandler{TItem}"/> also gets the item's own logger, which keeps Debug entries for failures.)
    /// </summary>
    protected ILogger Logger { get; }

    /// <summary>The products to process: <see cref="AutomationOptions.Products"/>, else the client's.</summary>
    protected IReadOnlyList<string> Products => _engine.Products;

    /// <summary>Lists every item of <see cref="Filters"/> (all pages), processes each, and reports.</summary>
    /// <param name="cancellationToken">
    /// Stops listing and new items; handlers in flight see it. A result a handler has returned is written to the end.
    /// </param>
    /// <returns>The report (with <see cref="AutomationReport.Cancelled"/> set when cancelled).</returns>
    /// <exception cref="ConnectApiException">The work could not be listed (authentication, connectivity).</exception>
    public Task<AutomationReport> ProcessAsync(CancellationToken cancellationToken = default) => _engine.ProcessAsync(Filters(), cancellationToken);

    /// <summary>
    /// The query listed by <see cref="ProcessAsync"/> (the Python connect-sdk's <c>filters()</c>): <see cref="AutomationOptions.Query"/>
    /// when set, else the default filters. Override to add conditions: <c>base.Filters().Equal(...)</c>.
    /// </summary>
    /// <returns>A new query.</returns>
    protected virtual Query Filters() => _engine.CreateQuery();

    Task<ProcessResult> IRequestHandler<TItem>.HandleAsync(TItem item, ItemContext context, CancellationToken cancellationToken) =>
        HandleAsync(item, cancellationToken);

    private protected abstract Task<ProcessResult> HandleAsync(TItem item, CancellationToken cancellationToken);
}
