using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using ExampleProcessor.Vendor;
using Connect.Sdk.Models;

namespace ExampleProcessor.Handlers;

/// <summary>Termination (the Python Processor SDK template's <c>cancel.py</c>): cancel the subscription in the vendor system.</summary>
public sealed class Cancel(VendorClient vendor) : ICancelHandler
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default) =>
        Parameters.CallVendorAsync(request, context, id => vendor.CancelSubscriptionAsync(id, cancellationToken), cancellationToken);
}
