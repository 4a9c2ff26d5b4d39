using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product (its latest published version).</summary>
public sealed partial class Product : ConnectModel, IIdentified
{
    private WireTimestamp _publishedAt;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Product name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Product icon URI.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }

    /// <summary>Product status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Product version.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    /// <summary>Short description.</summary>
    [JsonPropertyName("short_description")]
    public string? ShortDescription { get; set; }

    /// <summary>Detailed description (Markdown).</summary>
    [JsonPropertyName("detailed_description")]
    public string? DetailedDescription { get; set; }

    /// <summary>Product configuration switches.</summary>
    [JsonPropertyName("configurations")]
    public ProductConfiguration? Configurations { get; set; }

    /// <summary>Customer UI settings.</summary>
    [JsonPropertyName("customer_ui_settings")]
    public CustomerUiSettings? CustomerUiSettings { get; set; }

    /// <summary>Product category.</summary>
    [JsonPropertyName("category")]
    public ProductCategory? Category { get; set; }

    /// <summary>Publication date.</summary>
    [JsonIgnore]
    public DateTimeOffset? PublishedAt { get => _publishedAt.Value; set => _publishedAt = _publishedAt.With(value); }

    [JsonInclude, JsonPropertyName("published_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp PublishedAtWire { get => _publishedAt; set => _publishedAt = value; }

    /// <summary>Owner (vendor) account.</summary>
    [JsonPropertyName("owner")]
    public Company? Owner { get; set; }

    /// <summary>Whether this is the latest version.</summary>
    [JsonPropertyName("latest")]
    public bool? Latest { get; set; }

    /// <summary>Usage statistics.</summary>
    [JsonPropertyName("stats")]
    public ProductStats? Stats { get; set; }

    /// <summary>Product capabilities (ppu, reservation, tiers, ...).</summary>
    [JsonPropertyName("capabilities")]
    public ProductCapabilities? Capabilities { get; set; }

    /// <summary>Product events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
