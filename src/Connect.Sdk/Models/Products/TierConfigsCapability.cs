using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Tier config levels.</summary>
public sealed partial class TierConfigsCapability : ConnectModel
{
    /// <summary>Number of tier levels with configuration.</summary>
    [JsonPropertyName("level")]
    public int? Level { get; set; }
}
