using Connect.Automation;
using Connect.Processor;
using Connect.Sdk.Models;

namespace Connect.Testing.Tests;

/// <summary>
/// The handler the kit's processor tests run, shaped as a vendor's would be: a purchase without a customer e-mail is
/// inquired with a value error; otherwise the subscription id is saved and the request approved with the activation template.
/// </summary>
public sealed class DemoPurchaseHandler : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        var email = request.Asset?.Params?.FirstOrDefault(p => p.Id == "customer_email");
        if (string.IsNullOrEmpty(email?.Value) || !email.Value.Contains('@', StringComparison.Ordinal))
        {
            return ProcessResult.Inquire([new Param { Id = "customer_email", ValueError = "Please give the customer's e-mail address." }]);
        }

        await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-" + request.Asset!.Id }], cancellationToken: cancellationToken);
        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.Asset.Product!.Id!, cancellationToken));
    }
}
