using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>Fulfillment requests: <c>/requests</c>, pending ones of the products' assets by default. (Not sealed: tests list a doctored copy.)</summary>
internal class FulfillmentKind : ConversationKind<FulfillmentRequest>
{
    public override string Name => nameof(FulfillmentAutomation);

    public override Query DefaultFilters(IReadOnlyList<string> products) => Filter("asset.product.id", products, RequestStatus.Pending);

    public override IAsyncEnumerable<FulfillmentRequest> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken) =>
        client.Requests.ListAsync(query, cancellationToken);

    public override string IdOf(FulfillmentRequest item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a request without an id.");

    public override string? StatusOf(FulfillmentRequest item) => item.Status;

    public override string TypeOf(FulfillmentRequest item) => item.Type ?? "request";

    public override ItemScope ScopeOf(FulfillmentRequest item) => new(
        ("RequestId", item.Id), ("RequestType", item.Type), ("ProductId", item.Asset?.Product?.Id), ("AssetId", item.Asset?.Id));

    public override IEnumerable<Param>? ParamsOf(FulfillmentRequest item) => item.Asset?.Params;

    /// <summary>The asset: requests of one asset are handled one at a time, in order.</summary>
    public override string? OrderKeyOf(FulfillmentRequest item) => item.Asset?.Id;

    public override bool SkipBeforeHandler(FulfillmentRequest item, AutomationOptions options) =>
        options.SkipMigrationRequests && item.Type == RequestType.Purchase && item.NeedsMigration();

    public override async Task<string?> ReadStatusAsync(ConnectClient client, string id, CancellationToken cancellationToken) =>
        (await client.Requests.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;

    protected override Task UpdateParametersAsync(ConnectClient client, string id, IEnumerable<Param> parameters, string? note, CancellationToken cancellationToken) =>
        client.Requests.UpdateParametersAsync(id, parameters, note, cancellationToken);

    protected override Task ApproveAsync(ConnectClient client, string id, string templateId, CancellationToken cancellationToken) =>
        client.Requests.ApproveByTemplateAsync(id, templateId, cancellationToken);

    protected override Task ApproveWithTileAsync(ConnectClient client, string id, string markdown, CancellationToken cancellationToken) =>
        client.Requests.ApproveByTileAsync(id, markdown, cancellationToken);

    protected override Task InquireAsync(ConnectClient client, string id, string? templateId, CancellationToken cancellationToken) =>
        client.Requests.InquireAsync(id, templateId, cancellationToken);

    protected override Task FailAsync(ConnectClient client, string id, string reason, CancellationToken cancellationToken) =>
        client.Requests.FailAsync(id, reason, cancellationToken);
}
