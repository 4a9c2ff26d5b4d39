using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Company.Processor;

/// <summary>End of an administrative hold (the Python Processor SDK template's resume.py): resume the subscription in your system.</summary>
public sealed class Resume : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        if (request.GetParamValue(Globals.SubscriptionIdParameter) is not { } subscriptionId)
        {
            return ProcessResult.Fail($"The subscription has no {Globals.SubscriptionIdParameter}; it cannot be matched in the vendor system.");
        }

        // Call your vendor API for subscriptionId here; return ProcessResult.Fail(reason) when it refuses.
        _ = subscriptionId;
        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
