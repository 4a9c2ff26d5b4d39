using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// Starting points for fulfillment request builders: one per request type, with realistic defaults (a pending request
/// on the emulator's demo product, one item, Acme Corp as customer under the Northwind reseller, preview connection),
/// or a recorded request as the template.
/// </summary>
/// <example><code>
/// var request = Requests.Purchase().ForProduct("PRD-123-456-789").WithItem("MPN-A", 5)
///     .WithParameter("customer_email", "a@b.c").Build();
/// </code></example>
public static class Requests
{
    /// <summary>A pending purchase: a new asset in <c>processing</c>.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Purchase() => Of(RequestType.Purchase);

    /// <summary>A pending change of an active asset (items carry their old quantities).</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Change() => Of(RequestType.Change);

    /// <summary>A pending suspend of an active asset.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Suspend() => Of(RequestType.Suspend);

    /// <summary>A pending resume of a suspended asset.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Resume() => Of(RequestType.Resume);

    /// <summary>A pending cancel of an active asset.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Cancel() => Of(RequestType.Cancel);

    /// <summary>A pending renewal of an active asset (items carry a one-year renewal period).</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Renew() => Of(RequestType.Renew);

    /// <summary>A pending adjustment of an active asset.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Adjustment() => Of(RequestType.Adjustment);

    /// <summary>A pending transfer of an active asset.</summary>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Transfer() => Of(RequestType.Transfer);

    /// <summary>A pending request of any type (see <see cref="RequestType"/>).</summary>
    /// <param name="type">The request type.</param>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder Of(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new FulfillmentRequestBuilder(type);
    }

    /// <summary>A builder that starts from a recorded request (a JSON document as <c>GET /requests/{id}</c> answers it).</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <returns>The builder; the request is changed only where the test says so.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ConnectSerializationException">The file is not a request document.</exception>
    public static FulfillmentRequestBuilder FromFile(string path) => FromJson(File.ReadAllText(path));

    /// <summary>A builder that starts from a request document given as JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ConnectSerializationException">The text is not a request document.</exception>
    public static FulfillmentRequestBuilder FromJson(string json) => From(ConnectSerializer.Deserialize<FulfillmentRequest>(json));

    /// <summary>A builder that starts from a copy of <paramref name="template"/> (the template is not changed).</summary>
    /// <param name="template">The request to copy.</param>
    /// <returns>The builder.</returns>
    public static FulfillmentRequestBuilder From(FulfillmentRequest template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new FulfillmentRequestBuilder(ConnectSerializer.Clone(template));
    }
}
