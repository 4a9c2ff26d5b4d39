using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Product capabilities.</summary>
public sealed partial class ProductCapabilities : ConnectModel
{
    /// <summary>Pay-per-use capability (null when the product has none).</summary>
    [JsonPropertyName("ppu")]
    public PpuCapability? Ppu { get; set; }

    /// <summary>Tier configuration capability.</summary>
    [JsonPropertyName("tiers")]
    public TiersCapability? Tiers { get; set; }
}
