using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>
/// A billing request of the subscriptions module (<c>GET /subscriptions/requests</c>): the recurring charge of an
/// asset for one period, raised by the vendor or the provider.
/// </summary>
public sealed partial class BillingRequest : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Who raised it: <c>vendor</c> or <c>provider</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The asset billed.</summary>
    [JsonPropertyName("asset")]
    public Asset? Asset { get; set; }

    /// <summary>The items billed, with their quantities.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<Item>? Items { get; set; }

    /// <summary>The billing period.</summary>
    [JsonPropertyName("period")]
    public BillingPeriod? Period { get; set; }

    /// <summary>When it was created and last updated.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
