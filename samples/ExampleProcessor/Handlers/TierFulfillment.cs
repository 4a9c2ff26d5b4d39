using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>
/// Tier configuration (the Python Processor SDK template's <c>tier_fulfillment.py</c>): create the reseller account in the vendor system, save its id
/// as the <c>reseller_account_id</c> tier1 fulfillment parameter and approve with the tier1 activation template. Purchases
/// of the reseller's customers wait in <c>tiers_setup</c> until this is approved, and are processed in the same run.
/// </summary>
public sealed class TierFulfillment(VendorClient vendor) : IRequestHandler<TierConfigRequest>
{
    public async Task<ProcessResult> HandleAsync(TierConfigRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        var account = request.Configuration?.Account;
        if (account?.Id is not { } accountId)
        {
            return ProcessResult.Fail("The tier config request names no account.");
        }

        try
        {
            var reseller = await vendor.CreateResellerAsync(account.Name ?? accountId, request.GetParamValue(Parameters.PartnerNumber), accountId, cancellationToken);
            await context.UpdateParametersAsync([new Param { Id = Parameters.ResellerAccountId, Value = reseller["id"]!.GetValue<string>() }], cancellationToken: cancellationToken);
        }
        catch (VendorApiException refused)
        {
            return ProcessResult.Fail($"The vendor refused the reseller account: {refused.Message}");
        }

        return ProcessResult.Approve(await context.GetTier1ActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
