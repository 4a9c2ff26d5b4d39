using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The supply chain accounts of an asset (the Python connect-sdk's TierAccounts).</summary>
public sealed partial class Tiers : ConnectModel
{
    /// <summary>Customer account.</summary>
    [JsonPropertyName("customer")]
    public TierAccount? Customer { get; set; }

    /// <summary>Tier 1 account.</summary>
    [JsonPropertyName("tier1")]
    public TierAccount? Tier1 { get; set; }

    /// <summary>Tier 2 account.</summary>
    [JsonPropertyName("tier2")]
    public TierAccount? Tier2 { get; set; }
}
