using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>The Python connect-sdk's <c>Directory</c>: get and list assets, products and tier configs. Gets answer <see langword="null"/> for unknown ids.</summary>
public sealed class DirectoryResource
{
    private readonly ConnectClient _client;

    internal DirectoryResource(ConnectClient client) => _client = client;

    /// <summary>The asset with the given id, or <see langword="null"/>.</summary>
    /// <param name="assetId">Asset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The asset; <see langword="null"/> when the API answers 404 (no asset with that id).</returns>
    public Task<Asset?> GetAssetAsync(string assetId, CancellationToken cancellationToken = default) => _client.Assets.FindAsync(assetId, cancellationToken);

    /// <summary>The product with the given id, or <see langword="null"/>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product; <see langword="null"/> when the API answers 404 (no product with that id).</returns>
    public Task<Product?> GetProductAsync(string productId, CancellationToken cancellationToken = default) => _client.Products.FindAsync(productId, cancellationToken);

    /// <summary>The tier config with the given id, or <see langword="null"/>.</summary>
    /// <param name="tierConfigId">Tier config id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config; <see langword="null"/> when there is none (404 for an id, an empty listing for an account and product).</returns>
    public Task<TierConfig?> GetTierConfigAsync(string tierConfigId, CancellationToken cancellationToken = default) => _client.TierConfigs.FindAsync(tierConfigId, cancellationToken);

    /// <summary>The tier config of an account for a product, or <see langword="null"/>.</summary>
    /// <param name="accountId">Tier account id.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config; <see langword="null"/> when there is none (404 for an id, an empty listing for an account and product).</returns>
    public Task<TierConfig?> GetTierConfigAsync(string accountId, string productId, CancellationToken cancellationToken = default) =>
        _client.TierConfigs.GetAsync(accountId, productId, cancellationToken);

    /// <summary>Lists assets.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The assets.</returns>
    public IAsyncEnumerable<Asset> ListAssetsAsync(Query? query = null, CancellationToken cancellationToken = default) => _client.Assets.ListAsync(query, cancellationToken);

    /// <summary>Lists products.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The products.</returns>
    public IAsyncEnumerable<Product> ListProductsAsync(Query? query = null, CancellationToken cancellationToken = default) => _client.Products.ListAsync(query, cancellationToken);

    /// <summary>Lists tier configs.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The tier configs.</returns>
    public IAsyncEnumerable<TierConfig> ListTierConfigsAsync(Query? query = null, CancellationToken cancellationToken = default) => _client.TierConfigs.ListAsync(query, cancellationToken);
}
