using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>The built-in check: every required ordering parameter has a value (registered by <c>AddConnectProcessor</c>).</summary>
internal sealed class RequiredOrderingParametersValidator : IOrderingParameterValidator
{
    public const string Message = "This parameter is required.";

    public Task<IReadOnlyList<ParameterError>> ValidateAsync(FulfillmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ParameterError> errors = [.. (request.Asset?.Params ?? [])
            .Where(p => p.Id is not null
                && string.Equals(p.Phase, "ordering", StringComparison.OrdinalIgnoreCase)
                && p.Constraints?.Required == true
                && string.IsNullOrWhiteSpace(p.Value)
                && p.StructuredValue is null or { ValueKind: System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined })
            .Select(p => new ParameterError(p.Id!, Message))];
        return Task.FromResult(errors);
    }
}
