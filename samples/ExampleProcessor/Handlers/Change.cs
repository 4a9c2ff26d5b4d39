using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using ExampleProcessor.Vendor;
using Connect.Sdk.Models;

namespace ExampleProcessor.Handlers;

/// <summary>Items or quantities changed (the Python Processor SDK template's <c>change.py</c>): apply the new quantities in the vendor system.</summary>
public sealed class Change(VendorClient vendor) : IChangeHandler
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default) =>
        Parameters.CallVendorAsync(request, context, id => vendor.ChangeSubscriptionAsync(id, Parameters.Items(request), cancellationToken), cancellationToken);
}
