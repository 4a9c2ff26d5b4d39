using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using ExampleProcessor.Vendor;
using Connect.Sdk.Models;

namespace ExampleProcessor.Handlers;

/// <summary>End of an administrative hold (the Python Processor SDK template's <c>resume.py</c>): resume the subscription in the vendor system.</summary>
public sealed class Resume(VendorClient vendor) : IResumeHandler
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default) =>
        Parameters.CallVendorAsync(request, context, id => vendor.ResumeSubscriptionAsync(id, cancellationToken), cancellationToken);
}
