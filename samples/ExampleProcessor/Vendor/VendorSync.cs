using Connect.Processor;
using Connect.Sdk;
using ExampleProcessor.Handlers;
using Connect.Sdk.Rql;

namespace ExampleProcessor.Vendor;

/// <summary>
/// Gives a fresh mock vendor the subscriptions Connect already has (active or suspended assets with a
/// <c>subscription_id</c>), as the vendor's real system would already hold them. Only used with the in-process mock.
/// </summary>
public static class VendorSync
{
    public static async Task<int> ImportAsync(ConnectClient client, VendorClient vendor, IEnumerable<string> products, CancellationToken cancellationToken = default)
    {
        var query = new Query().In("product.id", products).In("status", "active", "suspended");
        var imported = 0;
        await foreach (var asset in client.Assets.ListAsync(query, cancellationToken))
        {
            var subscriptionId = asset.Params?.FirstOrDefault(p => p.Id == Parameters.SubscriptionId)?.Value;
            var tenant = asset.Params?.FirstOrDefault(p => p.Id == Parameters.TenantDomain)?.Value;
            if (string.IsNullOrEmpty(subscriptionId) || string.IsNullOrEmpty(tenant))
            {
                continue;
            }

            await vendor.ImportSubscriptionAsync(subscriptionId, tenant, asset.Status ?? "active", cancellationToken);
            imported++;
        }

        return imported;
    }
}
