using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>
/// Dynamic validation (the Python Processor SDK template's <c>dynamic_validation.py</c>): takes the draft request Connect posts, runs every
/// <see cref="IOrderingParameterValidator"/>, and returns the same document with <c>value_error</c> set on each invalid
/// parameter (and cleared on the others). Fields the SDK does not model are returned unchanged.
/// </summary>
public sealed class DynamicValidator
{
    // The SDK's models carry [JsonPropertyName] (snake_case) names; its own source-generated context is internal, so the
    // draft is read with the reflection-based serializer, once per call.
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.General)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the validator (normally done by dependency injection).</summary>
    /// <param name="scopes">Creates the scope the validators are resolved from, one per call.</param>
    public DynamicValidator(IServiceScopeFactory scopes)
    {
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
    }

    /// <summary>Validates a draft request document.</summary>
    /// <param name="draft">The request JSON as Connect sends it.</param>
    /// <param name="cancellationToken">Cancels validation.</param>
    /// <returns>The document with <c>value_error</c> set, and the errors found.</returns>
    /// <exception cref="ArgumentException">The document is not a request (no <c>asset.params</c> list).</exception>
    public async Task<(JsonObject Document, IReadOnlyList<ParameterError> Errors)> ValidateAsync(JsonObject draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft["asset"] is not JsonObject asset || asset["params"] is not JsonArray)
        {
            throw new ArgumentException("The body must be a request with asset.params.", nameof(draft));
        }

        FulfillmentRequest request;
        try
        {
            request = draft.Deserialize<FulfillmentRequest>(ReadOptions) ?? throw new ArgumentException("The body is empty.", nameof(draft));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The body is not a request: {ex.Message}", nameof(draft), ex);
        }

        var errors = new List<ParameterError>();
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            foreach (var validator in scope.ServiceProvider.GetServices<IOrderingParameterValidator>())
            {
                errors.AddRange(await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false));
            }
        }

        var document = (JsonObject)draft.DeepClone();
        foreach (var parameter in ((JsonArray)document["asset"]!["params"]!).OfType<JsonObject>())
        {
            var id = parameter["id"]?.GetValueKind() == JsonValueKind.String ? parameter["id"]!.GetValue<string>() : null;
            var messages = errors.Where(e => e.ParameterId == id).Select(e => e.Message).Distinct().ToList();
            parameter["value_error"] = messages.Count == 0 ? string.Empty : string.Join(" ", messages);
        }

        return (document, errors);
    }
}
