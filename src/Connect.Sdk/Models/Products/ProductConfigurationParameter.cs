using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A configuration-phase parameter value of a product.</summary>
public sealed partial class ProductConfigurationParameter : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>Full parameter.</summary>
    [JsonPropertyName("parameter")]
    public Param? Parameter { get; set; }

    /// <summary>Constraints.</summary>
    [JsonPropertyName("constraints")]
    public Constraints? Constraints { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Item reference.</summary>
    [JsonPropertyName("item")]
    public Item? Item { get; set; }

    /// <summary>Marketplace reference.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }
}
