using System.Text.Json.Nodes;
using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using ExampleProcessor.Vendor;

namespace ExampleProcessor.Handlers;

/// <summary>The example product's parameter ids and the helpers its handlers share (the Python Processor SDK template's <c>utils.py</c>).</summary>
public static class Parameters
{
    public const string CustomerEmail = "customer_email";
    public const string TenantDomain = "tenant_domain";
    public const string SubscriptionId = "subscription_id";
    public const string ParamB = "param_b";
    public const string PartnerNumber = "partner_number";
    public const string ResellerAccountId = "reseller_account_id";

    /// <summary>The request's items with a quantity, as (MPN, quantity).</summary>
    public static IEnumerable<(string Mpn, decimal Quantity)> Items(FulfillmentRequest request) =>
        (request.Asset?.Items ?? []).Where(i => i.Mpn is not null && i.Quantity is not null).Select(i => (i.Mpn!, i.Quantity!.Value));

    /// <summary>
    /// Calls the vendor for an existing subscription (change, suspend, resume, cancel) and approves with the activation
    /// template; fails the request when it has no <c>subscription_id</c> or the vendor refuses.
    /// </summary>
    public static async Task<ProcessResult> CallVendorAsync(
        FulfillmentRequest request, ItemContext context, Func<string, Task<JsonObject>> call, CancellationToken cancellationToken)
    {
        if (request.GetParamValue(SubscriptionId) is not { } subscriptionId)
        {
            return ProcessResult.Fail($"The subscription has no {SubscriptionId}; it cannot be matched in the vendor system.");
        }

        try
        {
            await call(subscriptionId);
        }
        catch (VendorApiException refused)
        {
            return ProcessResult.Fail($"The vendor refused the {request.Type}: {refused.Message}");
        }

        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}
