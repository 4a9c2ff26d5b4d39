using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A tier account (customer, reseller).</summary>
public sealed partial class TierAccount : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>External id.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>External UID.</summary>
    [JsonPropertyName("external_uid")]
    public string? ExternalUid { get; set; }

    /// <summary>Tax id.</summary>
    [JsonPropertyName("tax_id")]
    public string? TaxId { get; set; }

    /// <summary>Environment.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    /// <summary>Contact information.</summary>
    [JsonPropertyName("contact_info")]
    public ContactInfo? ContactInfo { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
