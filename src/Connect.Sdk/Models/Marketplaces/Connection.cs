using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A channel that lets a provider order a product through a hub.</summary>
public sealed partial class Connection : ConnectModel, IIdentified
{
    private WireTimestamp _createdAt;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Connection type: preview, test or production (see ConnectionType).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Connection status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Provider account.</summary>
    [JsonPropertyName("provider")]
    public Company? Provider { get; set; }

    /// <summary>Vendor account.</summary>
    [JsonPropertyName("vendor")]
    public Company? Vendor { get; set; }

    /// <summary>Hub reference.</summary>
    [JsonPropertyName("hub")]
    public Hub? Hub { get; set; }

    /// <summary>Product reference.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAt { get => _createdAt.Value; set => _createdAt = _createdAt.With(value); }

    [JsonInclude, JsonPropertyName("created_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedAtWire { get => _createdAt; set => _createdAt = value; }
}
