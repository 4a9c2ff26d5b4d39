using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>An account (vendor or provider) the API key can see.</summary>
public sealed partial class Account : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Account name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Account type: vendor or provider.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Role.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>Brand.</summary>
    [JsonPropertyName("brand")]
    public string? Brand { get; set; }

    /// <summary>External id.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>Sourcing flag.</summary>
    [JsonPropertyName("sourcing")]
    public bool? Sourcing { get; set; }

    /// <summary>Account events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
