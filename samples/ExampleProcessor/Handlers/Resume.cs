using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>End of an administrative hold (the Python Processor SDK template's <c>resume.py</c>): resume the subscription in the vendor system.</summary>
public sealed class Resume(VendorClient vendor) : IRequestHandler<FulfillmentRequest>
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
        Parameters.CallVendorAsync(request, context, id => vendor.ResumeSubscriptionAsync(id, cancellationToken), cancellationToken);
}
