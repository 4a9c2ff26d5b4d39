using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>
/// The versions and connections of a product (<c>/products/{id}/versions</c>, <c>/products/{id}/connections</c>), as
/// calls on <see cref="ProductsResource"/>. Kept in their own file while the resource files are being split; they
/// belong on <see cref="ProductsResource"/> itself.
/// </summary>
public static class ProductVersionsAndConnections
{
    /// <summary>The versions of a product: <c>GET /products/{id}/versions</c> (filters: <c>version</c>, <c>public</c>, <c>staging</c>).</summary>
    /// <param name="products">The products resource.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The versions, each a product document with its <c>version</c>.</returns>
    public static IAsyncEnumerable<Product> ListVersionsAsync(this ProductsResource products, string productId, Query? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        return Paging.ListAsync<Product>(products.Transport, products.Path + "/" + ConnectTransport.Segment(productId) + "/versions", query, cancellationToken);
    }

    /// <summary>One version of a product: <c>GET /products/{id}/versions/{version}</c>.</summary>
    /// <param name="products">The products resource.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="version">Version number (from 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product as it is in that version.</returns>
    public static Task<Product> GetVersionAsync(this ProductsResource products, string productId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return products.Transport.SendAsync<Product>(
            HttpMethod.Get,
            products.Path + "/" + ConnectTransport.Segment(productId) + "/versions/" + version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null,
            null,
            cancellationToken);
    }

    /// <summary>The connections of a product: <c>GET /products/{id}/connections</c> (filters: <c>hub.id</c>, <c>hub.name</c>).</summary>
    /// <param name="products">The products resource.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The connections.</returns>
    public static IAsyncEnumerable<Connection> ListConnectionsAsync(this ProductsResource products, string productId, Query? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(products);
        return Paging.ListAsync<Connection>(products.Transport, products.Path + "/" + ConnectTransport.Segment(productId) + "/connections", query, cancellationToken);
    }
}
