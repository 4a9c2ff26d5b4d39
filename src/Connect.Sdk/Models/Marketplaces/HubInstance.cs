using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>An instance of a hub.</summary>
public sealed partial class HubInstance : ConnectModel
{
    /// <summary>E-commerce system type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
