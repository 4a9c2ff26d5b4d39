using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Company.Processor;

/// <summary>
/// New subscriptions (the Python Processor SDK template's purchase.py). Required ordering parameters were checked before this runs: a purchase
/// missing one is inquired by the processor. Create the subscription in your system, save the fulfillment parameters
/// your product requires, and approve with the activation template; return <see cref="ProcessResult.Fail"/> when your
/// system refuses the order.
/// </summary>
public sealed class Purchase : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        // Call your vendor API here, e.g.:
        //   var subscription = await vendorApi.CreateSubscriptionAsync(request.GetParamValue("customer_email"), items, cancellationToken);
        // and use its id below. Until then the asset id stands in as the reconciliation id.
        var subscriptionId = request.Asset?.Id ?? request.Id!;

        await context.UpdateParametersAsync(
            [
                new Param { Id = Globals.SubscriptionIdParameter, Value = subscriptionId },
                new Param { Id = Globals.ParamBParameter, Value = $"Provisioned for {request.Asset?.Tiers?.Customer?.Name ?? "the customer"}" },
            ],
            cancellationToken: cancellationToken);
        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
