using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Company.Processor;

/// <summary>
/// Tier config requests (the Python Processor SDK template's tier_fulfillment.py), processed before fulfillment requests: set up the reseller in
/// your system, save the tier1 fulfillment parameters and approve with the tier1 activation template. Purchases waiting
/// in tiers_setup for this reseller are then processed in the same run.
/// </summary>
public sealed class TierFulfillment : IRequestHandler<TierConfigRequest>
{
    public async Task<ProcessResult> HandleAsync(TierConfigRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        var account = request.Configuration?.Account;
        if (account?.Id is null)
        {
            return ProcessResult.Fail("The tier config request names no account.");
        }

        // Create the reseller account in your system here and save its id.
        var hasParameter = (request.Params ?? []).Any(p => p.Id == Globals.ResellerAccountParameter);
        if (hasParameter)
        {
            await context.UpdateParametersAsync([new Param { Id = Globals.ResellerAccountParameter, Value = account.Id }], cancellationToken: cancellationToken);
        }

        return ProcessResult.Approve(await context.GetTier1ActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
