using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Company.Processor;

/// <summary>
/// Ordering-parameter checks (the Python Processor SDK template's dynamic_validation.py). They run for drafts posted to the dynamic validation
/// endpoint (<c>dynamicValidation:enabled</c>) and before every purchase, which is inquired when a check fails. Required
/// parameters left empty are caught by the processor's built-in check.
/// </summary>
public sealed class DynamicValidation : IOrderingParameterValidator
{
    public Task<IReadOnlyList<ParameterError>> ValidateAsync(FulfillmentRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<ParameterError>();
        foreach (var parameter in request.Asset?.Params ?? [])
        {
            if (parameter.Id is { } id && parameter.Phase == "ordering" && parameter.Type == "email"
                && !string.IsNullOrEmpty(parameter.Value) && !LooksLikeEmail(parameter.Value))
            {
                errors.Add(new ParameterError(id, "Please provide a valid e-mail address."));
            }
        }

        return Task.FromResult<IReadOnlyList<ParameterError>>(errors);
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.');
    }
}
