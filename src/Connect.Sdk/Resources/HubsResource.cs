using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Hubs (<c>/hubs</c>) and the connections and marketplaces of a hub.</summary>
public sealed class HubsResource : ResourceCollection<Hub>
{
    internal HubsResource(ConnectTransport transport)
        : base(transport, "hubs")
    {
    }

    /// <summary>The connections of a hub: <c>GET /hubs/{id}/connections</c> (filters: <c>created_at</c>, <c>product.name</c>).</summary>
    /// <param name="hubId">Hub id (<c>HB-...</c>).</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The connections.</returns>
    public IAsyncEnumerable<Connection> ListConnectionsAsync(string hubId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Connection>(Transport, Path + "/" + ConnectTransport.Segment(hubId) + "/connections", query, cancellationToken);

    /// <summary>The marketplaces a hub serves: <c>GET /hubs/{id}/marketplaces</c>.</summary>
    /// <param name="hubId">Hub id (<c>HB-...</c>).</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The marketplaces (id, name, icon and the hub's external id for them).</returns>
    public IAsyncEnumerable<Marketplace> ListMarketplacesAsync(string hubId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Marketplace>(Transport, Path + "/" + ConnectTransport.Segment(hubId) + "/marketplaces", query, cancellationToken);
}
