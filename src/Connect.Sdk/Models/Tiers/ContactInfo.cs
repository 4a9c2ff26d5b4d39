using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Contact information of a tier account.</summary>
public sealed partial class ContactInfo : ConnectModel
{
    /// <summary>Street address, first line.</summary>
    [JsonPropertyName("address_line1")]
    public string? AddressLine1 { get; set; }

    /// <summary>Street address, second line.</summary>
    [JsonPropertyName("address_line2")]
    public string? AddressLine2 { get; set; }

    /// <summary>City.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>State.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Postal code.</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; set; }

    /// <summary>Country code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Person of contact.</summary>
    [JsonPropertyName("contact")]
    public Contact? Contact { get; set; }
}
