using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Product statistics.</summary>
public sealed partial class ProductStats : ConnectModel
{
    /// <summary>Number of versions.</summary>
    [JsonPropertyName("versions")]
    public int? Versions { get; set; }

    /// <summary>Number of listings.</summary>
    [JsonPropertyName("listing")]
    public int? Listing { get; set; }

    /// <summary>Agreements related to the product.</summary>
    [JsonPropertyName("agreements")]
    public ProductStatsInfo? Agreements { get; set; }

    /// <summary>Contracts related to the product.</summary>
    [JsonPropertyName("contracts")]
    public ProductStatsInfo? Contracts { get; set; }
}
