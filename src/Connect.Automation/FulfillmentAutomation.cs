using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Processes fulfillment requests (the Python connect-sdk's <c>FulfillmentAutomation</c>). Override
/// <see cref="ProcessRequestAsync"/> and call <see cref="AutomationEngine{TItem}.ProcessAsync"/>.
/// Default filters: <c>status=pending</c> and <c>asset.product.id</c> in the configured products.
/// </summary>
/// <example><code>
/// sealed class MyFulfillment(ConnectClient client) : FulfillmentAutomation(client)
/// {
///     protected override Task&lt;ProcessResult&gt; ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken) =>
///         Task.FromResult(ProcessResult.Approve("TL-123-456-789"));
/// }
/// </code></example>
public abstract class FulfillmentAutomation : AutomationEngine<FulfillmentRequest>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected FulfillmentAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    private protected override string EngineName => nameof(FulfillmentAutomation);

    private protected override bool HasConversation => true;

    /// <summary>Decides what to do with one request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: approve, inquire, fail or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the request's parameters (the Python connect-sdk's <c>update_parameters</c>): <c>PUT /requests/{id}</c>.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="params">Parameters to change.</param>
    /// <param name="note">Optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected Task UpdateParametersAsync(string requestId, IEnumerable<Param> @params, string? note = null, CancellationToken cancellationToken = default) =>
        Client.Requests.UpdateParametersAsync(requestId, @params, note, cancellationToken);

    private protected override Query DefaultFilters()
    {
        var query = new Query();
        if (Products.Count > 0)
        {
            query.In("asset.product.id", Products);
        }

        return query.Equal("status", RequestStatus.Pending);
    }

    private protected override IAsyncEnumerable<FulfillmentRequest> ListAsync(Query query, CancellationToken cancellationToken) =>
        Client.Requests.ListAsync(query, cancellationToken);

    private protected override string IdOf(FulfillmentRequest item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a request without an id.");

    private protected override string? StatusOf(FulfillmentRequest item) => item.Status;

    private protected override string TypeOf(FulfillmentRequest item) => item.Type ?? "request";

    private protected override ItemScope ScopeOf(FulfillmentRequest item) => new(
        ("RequestId", item.Id), ("RequestType", item.Type), ("ProductId", item.Asset?.Product?.Id), ("AssetId", item.Asset?.Id));

    private protected override Func<IEnumerable<Param>, string?, CancellationToken, Task>? ParameterUpdater(FulfillmentRequest item) =>
        (parameters, note, ct) => Client.Requests.UpdateParametersAsync(IdOf(item), parameters, note, ct);

    private protected override bool SkipBeforeHandler(FulfillmentRequest item) =>
        Options.SkipMigrationRequests && item.Type == RequestType.Purchase && item.NeedsMigration();

    private protected override async Task<HandlerOutcome> InvokeHandlerAsync(FulfillmentRequest item, AutomationContext context, CancellationToken cancellationToken) =>
        new(await ProcessRequestAsync(item, cancellationToken).ConfigureAwait(false), false);

    private protected override bool Supports(ProcessAction action) =>
        action is ProcessAction.Approve or ProcessAction.ApproveWithTile or ProcessAction.Inquire or ProcessAction.Fail or ProcessAction.Skip;

    private protected override string TargetStatus(ProcessAction action) => action switch
    {
        ProcessAction.Approve or ProcessAction.ApproveWithTile => RequestStatus.Approved,
        ProcessAction.Inquire => RequestStatus.Inquiring,
        ProcessAction.Fail => RequestStatus.Failed,
        _ => string.Empty,
    };

    private protected override async Task ExecuteAsync(FulfillmentRequest item, ProcessResult result, AutomationContext context, CancellationToken cancellationToken)
    {
        var id = IdOf(item);
        switch (result.Action)
        {
            case ProcessAction.Approve:
                await Client.Requests.ApproveByTemplateAsync(id, result.TemplateId!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.ApproveWithTile:
                await Client.Requests.ApproveByTileAsync(id, result.Markdown!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Inquire:
                await Client.Requests.UpdateParametersAsync(id, result.Params, null, cancellationToken).ConfigureAwait(false);
                await Client.Requests.InquireAsync(id, result.TemplateId, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Fail:
                await Client.Requests.FailAsync(id, result.Message ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Skip:
                if (!string.IsNullOrWhiteSpace(result.Message))
                {
                    await context.AddNoteOnceAsync(result.Message, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                throw new InvalidOperationException($"{result.Action} is not a fulfillment outcome.");
        }
    }

    private protected override async Task<string?> ReadStatusAsync(string id, CancellationToken cancellationToken) =>
        (await Client.Requests.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
