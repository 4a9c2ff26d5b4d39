using Connect.Sdk;
using Connect.Usage;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Reports usage (the Python connect-sdk's <c>UsageAutomation</c>): hands each listing to <see cref="ProcessRequestAsync"/>, which
/// typically builds usage records and calls <c>SubmitUsageAsync</c>. Default filters: <c>status=listed</c> and
/// <c>product.id</c> in the configured products. A listing whose handler returns normally counts as
/// <see cref="AutomationOutcome.Completed"/>; throw <see cref="SkipRequestException"/> to count it as skipped.
/// </summary>
public abstract partial class UsageAutomation : AutomationEngine<UsageListing>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected UsageAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    private protected override string EngineName => nameof(UsageAutomation);

    /// <summary>Reports the usage of one listing.</summary>
    /// <param name="listing">The listing (contract, product, marketplace).</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>A task.</returns>
    protected abstract Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken);

    /// <summary>
    /// Reports usage (the Python connect-sdk's <c>submit_usage</c>): validates and writes the records to a spreadsheet, creates the
    /// usage file, uploads it and, with <see cref="UsageSubmitOptions.Submit"/>, submits it. Delegates to
    /// <see cref="UsageReportingExtensions.SubmitUsageAsync(ConnectClient, UsageFile, IAsyncEnumerable{UsageRecord}, UsageSubmitOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="usageFile">The file's metadata: name, product id and contract id are required.</param>
    /// <param name="records">The records, streamed once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it.</returns>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed.</exception>
    protected Task<UsageFile> SubmitUsageAsync(
        UsageFile usageFile, IAsyncEnumerable<UsageRecord> records, UsageSubmitOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.SubmitUsageAsync(usageFile, records, options, cancellationToken);

    /// <summary>Reports usage from a synchronous sequence of records; see the asynchronous overload.</summary>
    /// <param name="usageFile">The file's metadata: name, product id and contract id are required.</param>
    /// <param name="records">The records, enumerated once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it.</returns>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed.</exception>
    protected Task<UsageFile> SubmitUsageAsync(
        UsageFile usageFile, IEnumerable<UsageRecord> records, UsageSubmitOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.SubmitUsageAsync(usageFile, records, options, cancellationToken);

    private protected override Query DefaultFilters()
    {
        var query = new Query();
        if (Products.Count > 0)
        {
            query.In("product.id", Products);
        }

        return query.Equal("status", "listed");
    }

    private protected override IAsyncEnumerable<UsageListing> ListAsync(Query query, CancellationToken cancellationToken) =>
        Client.Listings.ListAsync(query, cancellationToken);

    private protected override string IdOf(UsageListing item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a listing without an id.");

    private protected override string? StatusOf(UsageListing item) => item.Status;

    private protected override string TypeOf(UsageListing item) => "listing";

    private protected override ItemScope ScopeOf(UsageListing item) => new(
        ("ListingId", item.Id), ("ProductId", item.Product?.Id), ("ContractId", item.Contract?.Id),
        ("MarketplaceId", item.Marketplace?.Id ?? item.Contract?.Marketplace?.Id));

    private protected override async Task<HandlerOutcome> InvokeHandlerAsync(UsageListing item, AutomationContext context, CancellationToken cancellationToken)
    {
        await ProcessRequestAsync(item, cancellationToken).ConfigureAwait(false);
        return new(null, true);
    }

    private protected override bool Supports(ProcessAction action) => action == ProcessAction.Skip;

    private protected override string TargetStatus(ProcessAction action) => string.Empty;

    private protected override Task ExecuteAsync(UsageListing item, ProcessResult result, AutomationContext context, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private protected override async Task<string?> ReadStatusAsync(string id, CancellationToken cancellationToken) =>
        (await Client.Listings.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
