using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A hub with the external id the marketplace uses for it.</summary>
public sealed partial class ExtIdHub : ConnectModel
{
    /// <summary>External id.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>The hub.</summary>
    [JsonPropertyName("hub")]
    public Hub? Hub { get; set; }
}
