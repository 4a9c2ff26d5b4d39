using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>Reading parameters and ids from requests (the Python Processor SDK template's <c>Utils.get_param_value</c> and friends).</summary>
public static class RequestExtensions
{
    /// <summary>The value of an asset parameter, or null when the request has no such parameter or it is empty.</summary>
    /// <param name="request">The fulfillment request.</param>
    /// <param name="parameterId">Parameter id (its name in the product).</param>
    /// <returns>The value, or null.</returns>
    public static string? GetParamValue(this FulfillmentRequest request, string parameterId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterId);
        return Find(request.Asset?.Params, parameterId);
    }

    /// <summary>The value of a tier config request parameter, or null.</summary>
    /// <param name="request">The tier config request.</param>
    /// <param name="parameterId">Parameter id.</param>
    /// <returns>The value, or null.</returns>
    public static string? GetParamValue(this TierConfigRequest request, string parameterId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterId);
        return Find(request.Params, parameterId) ?? Find(request.Configuration?.Params, parameterId);
    }

    /// <summary>The product id of the request's asset.</summary>
    /// <param name="request">The fulfillment request.</param>
    /// <returns>The product id.</returns>
    /// <exception cref="InvalidOperationException">The request carries no product id.</exception>
    public static string GetProductId(this FulfillmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Asset?.Product?.Id ?? throw new InvalidOperationException($"Request {request.Id} has no asset.product.id.");
    }

    /// <summary>The product id of the tier config request's configuration.</summary>
    /// <param name="request">The tier config request.</param>
    /// <returns>The product id.</returns>
    /// <exception cref="InvalidOperationException">The request carries no product id.</exception>
    public static string GetProductId(this TierConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Configuration?.Product?.Id ?? request.Product?.Id
            ?? throw new InvalidOperationException($"Tier config request {request.Id} has no configuration.product.id.");
    }

    private static string? Find(IEnumerable<Param>? parameters, string id) =>
        parameters?.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal)) is { Value: { Length: > 0 } value } ? value : null;
}
