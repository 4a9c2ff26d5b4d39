using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A phone number.</summary>
public sealed partial class PhoneNumber : ConnectModel
{
    /// <summary>Country code.</summary>
    [JsonPropertyName("country_code")]
    public string? CountryCode { get; set; }

    /// <summary>Area code.</summary>
    [JsonPropertyName("area_code")]
    public string? AreaCode { get; set; }

    /// <summary>Number.</summary>
    [JsonPropertyName("phone_number")]
    public string? Number { get; set; }

    /// <summary>Extension.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; set; }
}
