using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A company (vendor, provider, owner account) within the platform.</summary>
public sealed partial class Company : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Company name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Icon path.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }
}
