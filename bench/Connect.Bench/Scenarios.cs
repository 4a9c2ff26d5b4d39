using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Bench;

/// <summary>What every scenario works on: the demo seed's tier product and the requests the emulator generates.</summary>
internal static class Scenarios
{
    /// <summary>Demo Cloud Storage (the demo seed's tier product).</summary>
    public const string Product = "PRD-100-200-300";

    /// <summary>Its asset activation template ("Default Activation Template").</summary>
    public const string ActivationTemplate = "TL-100-200-301";

    /// <summary>Its required fulfillment parameter: approve is refused while it is empty.</summary>
    public const string RequiredFulfillmentParameter = "subscription_id";

    /// <summary>The customer every request made by <c>requests/generate</c> belongs to (no seeded request has it).</summary>
    public const string GeneratedCustomer = "TA-0000-0000-0000";

    /// <summary>Requests made by <c>requests/generate</c> (and only those).</summary>
    public static Query Generated() =>
        new(R.Field("asset.tiers.customer.id").Eq(GeneratedCustomer));

    /// <summary>Generated requests of the product that are still pending: what the fulfillment engine lists.</summary>
    public static Query PendingGenerated() =>
        new(R.Field("asset.product.id").Eq(Product) & R.Field("asset.tiers.customer.id").Eq(GeneratedCustomer) & R.Field("status").Eq(RequestStatus.Pending));
}

/// <summary>Counts the HTTP calls the client makes.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return base.SendAsync(request, cancellationToken);
    }
}
