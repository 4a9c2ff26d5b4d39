using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>Administrative hold (the Python Processor SDK template's <c>suspend.py</c>): suspend the subscription in the vendor system.</summary>
public sealed class Suspend(VendorClient vendor) : IRequestHandler<FulfillmentRequest>
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
        Parameters.CallVendorAsync(request, context, id => vendor.SuspendSubscriptionAsync(id, cancellationToken), cancellationToken);
}
