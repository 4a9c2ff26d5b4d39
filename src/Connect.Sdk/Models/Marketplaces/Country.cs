using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Country data.</summary>
public sealed partial class Country : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Country name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Icon path.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }

    /// <summary>Geographical zone.</summary>
    [JsonPropertyName("zone")]
    public string? Zone { get; set; }
}
