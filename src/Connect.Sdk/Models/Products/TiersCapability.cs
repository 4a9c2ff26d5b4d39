using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Tier capability.</summary>
public sealed partial class TiersCapability : ConnectModel
{
    /// <summary>Whether tier config updates are supported.</summary>
    [JsonPropertyName("updates")]
    public bool? Updates { get; set; }

    /// <summary>Tier config levels.</summary>
    [JsonPropertyName("configs")]
    public TierConfigsCapability? Configs { get; set; }
}
