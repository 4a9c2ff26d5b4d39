using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>Items or quantities changed (the Python Processor SDK template's <c>change.py</c>): apply the new quantities in the vendor system.</summary>
public sealed class Change(VendorClient vendor) : IRequestHandler<FulfillmentRequest>
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
        Parameters.CallVendorAsync(request, context, id => vendor.ChangeSubscriptionAsync(id, Parameters.Items(request), cancellationToken), cancellationToken);
}
