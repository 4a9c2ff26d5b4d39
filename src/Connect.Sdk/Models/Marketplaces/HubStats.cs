using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Hub statistics.</summary>
public sealed partial class HubStats : ConnectModel
{
    /// <summary>Number of active connections.</summary>
    [JsonPropertyName("connections")]
    public int? Connections { get; set; }

    /// <summary>Number of marketplaces.</summary>
    [JsonPropertyName("marketplaces")]
    public int? Marketplaces { get; set; }
}
