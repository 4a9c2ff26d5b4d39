using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>
/// The subscriptions module (<c>/subscriptions/*</c>): assets under their current path, with the <c>template</c> and
/// <c>pending_request</c> it always returns, and billing requests. Creating it makes no call.
/// </summary>
public sealed class SubscriptionsResource
{
    internal SubscriptionsResource(ConnectTransport transport)
    {
        Assets = new ReadOnlyResourceCollection<Asset>(transport, "subscriptions/assets");
        Requests = new ReadOnlyResourceCollection<BillingRequest>(transport, "subscriptions/requests");
    }

    /// <summary>Assets: <c>GET /subscriptions/assets[/{id}]</c> (the same documents and filters as <c>/assets</c>).</summary>
    public ReadOnlyResourceCollection<Asset> Assets { get; }

    /// <summary>Billing requests: <c>GET /subscriptions/requests[/{id}]</c>.</summary>
    public ReadOnlyResourceCollection<BillingRequest> Requests { get; }
}
