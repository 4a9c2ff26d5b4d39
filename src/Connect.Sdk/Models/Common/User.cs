using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A user within the platform.</summary>
public sealed partial class User : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>User name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>User email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }
}
