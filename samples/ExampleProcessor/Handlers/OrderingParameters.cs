using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace ExampleProcessor.Handlers;

/// <summary>
/// The example's ordering-parameter checks (the Python Processor SDK template's <c>dynamic_validation.py</c>), used both by the dynamic validation
/// endpoint and before purchases: the e-mail must look like one, and the tenant must be a valid subdomain label. (That
/// required parameters are filled in is checked by the processor's built-in validator.)
/// </summary>
public sealed class OrderingParameters : IOrderingParameterValidator
{
    public Task<IReadOnlyList<ParameterError>> ValidateAsync(FulfillmentRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<ParameterError>();
        if (request.GetParamValue(Parameters.CustomerEmail) is { } email && !IsEmail(email))
        {
            errors.Add(new ParameterError(Parameters.CustomerEmail, "Please provide a valid e-mail address."));
        }

        if (request.GetParamValue(Parameters.TenantDomain) is { } tenant && !IsLabel(tenant))
        {
            errors.Add(new ParameterError(Parameters.TenantDomain, "Use 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen."));
        }

        return Task.FromResult<IReadOnlyList<ParameterError>>(errors);
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Contains(' ', StringComparison.Ordinal);
    }

    private static bool IsLabel(string value) =>
        value.Length is >= 1 and <= 63 && value[0] != '-' && value[^1] != '-' && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
