using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using ExampleProcessor.Vendor;
using Connect.Sdk.Models;

namespace ExampleProcessor.Handlers;

/// <summary>Administrative hold (the Python Processor SDK template's <c>suspend.py</c>): suspend the subscription in the vendor system.</summary>
public sealed class Suspend(VendorClient vendor) : ISuspendHandler
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default) =>
        Parameters.CallVendorAsync(request, context, id => vendor.SuspendSubscriptionAsync(id, cancellationToken), cancellationToken);
}
