using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>Termination (the Python Processor SDK template's <c>cancel.py</c>): cancel the subscription in the vendor system.</summary>
public sealed class Cancel(VendorClient vendor) : IRequestHandler<FulfillmentRequest>
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
        Parameters.CallVendorAsync(request, context, id => vendor.CancelSubscriptionAsync(id, cancellationToken), cancellationToken);
}
