using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Assets (<c>/assets</c>).</summary>
public sealed class AssetsResource : ResourceCollection<Asset>
{
    internal AssetsResource(ConnectTransport transport)
        : base(transport, "assets")
    {
    }

    /// <summary>The requests of an asset: <c>GET /assets/{id}/requests</c> (the Python connect-sdk's <c>Asset.get_requests</c>).</summary>
    /// <param name="assetId">Asset id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The requests.</returns>
    public IAsyncEnumerable<FulfillmentRequest> ListRequestsAsync(string assetId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<FulfillmentRequest>(Transport, Path + "/" + ConnectTransport.Segment(assetId) + "/requests", query, cancellationToken);
}
