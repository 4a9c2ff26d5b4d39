using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Processes tier config requests (the Python connect-sdk's <c>TierConfigAutomation</c>). Override <see cref="ProcessRequestAsync"/>.
/// Default filters: <c>status=pending</c> and <c>configuration.product.id</c> in the configured products.
/// Approve sends <c>{"template":{"id"}}</c> (a tile, <c>{"template":{"representation"}}</c>); inquire updates the
/// parameters then calls inquire; fail sends the reason.
/// </summary>
public abstract class TierConfigAutomation : AutomationEngine<TierConfigRequest>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected TierConfigAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    private protected override string EngineName => nameof(TierConfigAutomation);

    private protected override bool HasConversation => true;

    /// <summary>Decides what to do with one tier config request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: approve, inquire, fail or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the request's parameters (the Python connect-sdk's <c>update_parameters</c>): <c>PUT /tier/config-requests/{id}</c>.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="params">Parameters to change.</param>
    /// <param name="notes">Optional notes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected Task UpdateParametersAsync(string requestId, IEnumerable<Param> @params, string? notes = null, CancellationToken cancellationToken = default) =>
        Client.TierConfigRequests.UpdateParametersAsync(requestId, @params, notes, cancellationToken);

    private protected override Query DefaultFilters()
    {
        var query = new Query();
        if (Products.Count > 0)
        {
            query.In("configuration.product.id", Products);
        }

        return query.Equal("status", TierConfigRequestStatus.Pending);
    }

    private protected override IAsyncEnumerable<TierConfigRequest> ListAsync(Query query, CancellationToken cancellationToken) =>
        Client.TierConfigRequests.ListAsync(query, cancellationToken);

    private protected override string IdOf(TierConfigRequest item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a tier config request without an id.");

    private protected override string? StatusOf(TierConfigRequest item) => item.Status;

    private protected override string TypeOf(TierConfigRequest item) => item.Type ?? "tier_config_request";

    private protected override ItemScope ScopeOf(TierConfigRequest item) => new(
        ("RequestId", item.Id), ("RequestType", item.Type), ("ProductId", item.Configuration?.Product?.Id),
        ("AccountId", item.Configuration?.Account?.Id), ("TierLevel", item.Configuration?.TierLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private protected override Func<IEnumerable<Param>, string?, CancellationToken, Task>? ParameterUpdater(TierConfigRequest item) =>
        (parameters, notes, ct) => Client.TierConfigRequests.UpdateParametersAsync(IdOf(item), parameters, notes, ct);

    private protected override async Task<HandlerOutcome> InvokeHandlerAsync(TierConfigRequest item, AutomationContext context, CancellationToken cancellationToken) =>
        new(await ProcessRequestAsync(item, cancellationToken).ConfigureAwait(false), false);

    private protected override bool Supports(ProcessAction action) =>
        action is ProcessAction.Approve or ProcessAction.ApproveWithTile or ProcessAction.Inquire or ProcessAction.Fail or ProcessAction.Skip;

    private protected override string TargetStatus(ProcessAction action) => action switch
    {
        ProcessAction.Approve or ProcessAction.ApproveWithTile => TierConfigRequestStatus.Approved,
        ProcessAction.Inquire => TierConfigRequestStatus.Inquiring,
        ProcessAction.Fail => TierConfigRequestStatus.Failed,
        _ => string.Empty,
    };

    private protected override async Task ExecuteAsync(TierConfigRequest item, ProcessResult result, AutomationContext context, CancellationToken cancellationToken)
    {
        var id = IdOf(item);
        var requests = Client.TierConfigRequests;
        switch (result.Action)
        {
            case ProcessAction.Approve:
                await requests.ApproveByTemplateAsync(id, result.TemplateId!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.ApproveWithTile:
                await requests.ApproveByTileAsync(id, result.Markdown!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Inquire:
                await requests.UpdateParametersAsync(id, result.Params, null, cancellationToken).ConfigureAwait(false);
                await requests.InquireAsync(id, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Fail:
                await requests.FailAsync(id, result.Message ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Skip:
                if (!string.IsNullOrWhiteSpace(result.Message))
                {
                    await context.AddNoteOnceAsync(result.Message, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                throw new InvalidOperationException($"{result.Action} is not a tier config outcome.");
        }
    }

    private protected override async Task<string?> ReadStatusAsync(string id, CancellationToken cancellationToken) =>
        (await Client.TierConfigRequests.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
