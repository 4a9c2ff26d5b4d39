using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Distribution and sourcing counts.</summary>
public sealed partial class ProductStatsInfo : ConnectModel
{
    /// <summary>Distribution count.</summary>
    [JsonPropertyName("distribution")]
    public int? Distribution { get; set; }

    /// <summary>Sourcing count.</summary>
    [JsonPropertyName("sourcing")]
    public int? Sourcing { get; set; }
}
