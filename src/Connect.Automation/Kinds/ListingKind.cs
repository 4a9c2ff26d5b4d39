using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Listings, for usage reporting: <c>/listings</c>, <c>listed</c> ones of the products by default. The handler reports
/// the usage itself and returns <see cref="ProcessResult.Complete"/> (or skip); nothing is written back.
/// </summary>
internal sealed class ListingKind : ItemKind<UsageListing>
{
    public override string Name => nameof(UsageAutomation);

    public override Query DefaultFilters(IReadOnlyList<string> products) => Filter("product.id", products, "listed");

    public override IAsyncEnumerable<UsageListing> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken) =>
        client.Listings.ListAsync(query, cancellationToken);

    public override string IdOf(UsageListing item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a listing without an id.");

    public override string? StatusOf(UsageListing item) => item.Status;

    public override string TypeOf(UsageListing item) => "listing";

    public override ItemScope ScopeOf(UsageListing item) => new(
        ("ListingId", item.Id), ("ProductId", item.Product?.Id), ("ContractId", item.Contract?.Id),
        ("MarketplaceId", item.Marketplace?.Id ?? item.Contract?.Marketplace?.Id));

    public override bool Supports(ProcessAction action) => action is ProcessAction.Complete or ProcessAction.Skip;

    public override string TargetStatus(ProcessAction action) => string.Empty;

    public override Task ExecuteAsync(ConnectClient client, string id, ProcessResult result, ItemContext context, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override async Task<string?> ReadStatusAsync(ConnectClient client, string id, CancellationToken cancellationToken) =>
        (await client.Listings.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
