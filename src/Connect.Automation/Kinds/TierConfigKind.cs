using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Tier config requests: <c>/tier/config-requests</c>, pending ones of the products' configurations by default. Approve
/// sends <c>{"template":{"id"}}</c> (a tile, <c>{"template":{"representation"}}</c>); inquire takes no template.
/// </summary>
internal sealed class TierConfigKind : ConversationKind<TierConfigRequest>
{
    public override string Name => nameof(TierConfigAutomation);

    public override Query DefaultFilters(IReadOnlyList<string> products) =>
        Filter("configuration.product.id", products, TierConfigRequestStatus.Pending);

    public override IAsyncEnumerable<TierConfigRequest> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken) =>
        client.TierConfigRequests.ListAsync(query, cancellationToken);

    public override string IdOf(TierConfigRequest item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a tier config request without an id.");

    public override string? StatusOf(TierConfigRequest item) => item.Status;

    public override string TypeOf(TierConfigRequest item) => item.Type ?? "tier_config_request";

    public override ItemScope ScopeOf(TierConfigRequest item) => new(
        ("RequestId", item.Id), ("RequestType", item.Type), ("ProductId", item.Configuration?.Product?.Id),
        ("AccountId", item.Configuration?.Account?.Id), ("TierLevel", item.Configuration?.TierLevel?.ToString(CultureInfo.InvariantCulture)));

    public override IEnumerable<Param>? ParamsOf(TierConfigRequest item) => item.Params;

    /// <summary>The tier account and product: their requests are handled one at a time, in order.</summary>
    public override string? OrderKeyOf(TierConfigRequest item) =>
        item.Configuration is { Account.Id: { } account, Product.Id: { } product } ? account + "\u001f" + product : null;

    public override async Task<string?> ReadStatusAsync(ConnectClient client, string id, CancellationToken cancellationToken) =>
        (await client.TierConfigRequests.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;

    protected override Task UpdateParametersAsync(ConnectClient client, string id, IEnumerable<Param> parameters, string? note, CancellationToken cancellationToken) =>
        client.TierConfigRequests.UpdateParametersAsync(id, parameters, note, cancellationToken);

    protected override Task ApproveAsync(ConnectClient client, string id, string templateId, CancellationToken cancellationToken) =>
        client.TierConfigRequests.ApproveByTemplateAsync(id, templateId, cancellationToken);

    protected override Task ApproveWithTileAsync(ConnectClient client, string id, string markdown, CancellationToken cancellationToken) =>
        client.TierConfigRequests.ApproveByTileAsync(id, markdown, cancellationToken);

    protected override Task InquireAsync(ConnectClient client, string id, string? templateId, CancellationToken cancellationToken) =>
        client.TierConfigRequests.InquireAsync(id, cancellationToken);

    protected override Task FailAsync(ConnectClient client, string id, string reason, CancellationToken cancellationToken) =>
        client.TierConfigRequests.FailAsync(id, reason, cancellationToken);
}
