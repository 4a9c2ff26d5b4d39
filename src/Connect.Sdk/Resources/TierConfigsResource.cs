using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Tier configs (<c>/tier/configs</c>).</summary>
public sealed class TierConfigsResource : ResourceCollection<TierConfig>
{
    internal TierConfigsResource(ConnectTransport transport)
        : base(transport, "tier/configs")
    {
    }

    /// <summary>
    /// The tier config of a tier account for a product (the Python connect-sdk's <c>TierConfig.get(account_id, product_id)</c>),
    /// or <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="accountId">Tier account id (<c>TA-...</c>).</param>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config; <see langword="null"/> when there is none (404 for an id, an empty listing for an account and product).</returns>
    public Task<TierConfig?> GetAsync(string accountId, string productId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        var query = new Query(R.Field("account.id").Eq(accountId) & R.Field("product.id").Eq(productId));
        return FirstOrDefaultAsync(query, cancellationToken);
    }

    /// <summary>The Markdown of a tier config: <c>GET /tier/configs/{id}/render</c>, its activation template filled with its parameters.</summary>
    /// <param name="tierConfigId">Tier config id (<c>TC-...</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public Task<string> RenderAsync(string tierConfigId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tierConfigId);
        return Transport.GetTextAsync(Path + "/" + ConnectTransport.Segment(tierConfigId) + "/render", null, cancellationToken);
    }
}
