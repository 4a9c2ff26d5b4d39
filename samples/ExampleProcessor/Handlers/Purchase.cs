using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>
/// A new subscription (the Python Processor SDK template's <c>purchase.py</c>): create it in the vendor system, save the vendor's subscription id
/// as the <c>subscription_id</c> fulfillment parameter (the reconciliation id), and approve with the activation template.
/// The request id goes with the create call as its idempotency key: a replica that takes the request over after another
/// died between its vendor call and its approve gets the same subscription back, not a second one.
/// Missing ordering parameters never get here: the processor inquires first (see <see cref="OrderingParameters"/>).
/// </summary>
public sealed class Purchase(VendorClient vendor) : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        var tenant = request.GetParamValue(Parameters.TenantDomain)!;
        string subscriptionId;
        try
        {
            // A run that created the subscription but stopped before the approval left its id on the request: the
            // vendor already has it, so a re-run approves with it instead of creating a second one.
            if (request.GetParamValue(Parameters.SubscriptionId) is { Length: > 0 } saved
                && await vendor.FindSubscriptionAsync(saved, cancellationToken) is not null)
            {
                return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
            }

            var created = await vendor.CreateSubscriptionAsync(
                tenant, request.GetParamValue(Parameters.CustomerEmail), Parameters.Items(request), request.Asset?.Tiers?.Tier1?.Id, cancellationToken,
                idempotencyKey: context.IdempotencyKey);
            subscriptionId = created["id"]!.GetValue<string>();
        }
        catch (VendorApiException refused)
        {
            return ProcessResult.Fail($"The vendor refused the subscription: {refused.Message}");
        }

        await context.UpdateParametersAsync(
            [
                new Param { Id = Parameters.SubscriptionId, Value = subscriptionId },
                new Param { Id = Parameters.ParamB, Value = $"tenant {tenant}.vendor.example" },
            ],
            cancellationToken: cancellationToken);
        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
