using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>
/// Checks the ordering parameters of a request (the Python Processor SDK template's <c>dynamic_validation.py</c> logic). Every registered validator
/// runs for draft requests posted to the dynamic validation endpoint and, unless
/// <see cref="ProcessorOptions.InquireOnInvalidOrderingParameters"/> is off, for pending purchases, which are inquired
/// with the errors set as <c>value_error</c>.
/// </summary>
public interface IOrderingParameterValidator
{
    /// <summary>Returns the problems found; an empty list when the parameters are fine.</summary>
    /// <param name="request">The (draft or pending) request.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>One error per invalid parameter.</returns>
    Task<IReadOnlyList<ParameterError>> ValidateAsync(FulfillmentRequest request, CancellationToken cancellationToken = default);
}
