// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
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

/// <summary>Product configuration switches.</summary>
public sealed partial class ProductConfiguration : ConnectModel
{
    /// <summary>Whether suspend and resume are supported.</summary>
    [JsonPropertyName("suspend_resume_supported")]
    public bool? SuspendResumeSupported { get; set; }

    /// <summary>Whether reseller information is required.</summary>
    [JsonPropertyName("requires_reseller_information")]
    public bool? RequiresResellerInformation { get; set; }
}

/// <summary>Customer UI settings of a product.</summary>
public sealed partial class CustomerUiSettings : ConnectModel
{
    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Getting started text.</summary>
    [JsonPropertyName("getting_started")]
    public string? GettingStarted { get; set; }

    /// <summary>Provisioning message.</summary>
    [JsonPropertyName("provisioning_message")]
    public string? ProvisioningMessage { get; set; }

    /// <summary>Documents.</summary>
    [JsonPropertyName("documents")]
    public IList<Document>? Documents { get; set; }

    /// <summary>Download links.</summary>
    [JsonPropertyName("download_links")]
    public IList<DownloadLink>? DownloadLinks { get; set; }
}

/// <summary>A product document.</summary>
public sealed partial class Document : ConnectModel
{
    /// <summary>Document title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Document URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}

/// <summary>A product download link.</summary>
public sealed partial class DownloadLink : ConnectModel
{
    /// <summary>Link title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Link URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Visibility: admin or user.</summary>
    [JsonPropertyName("visible_for")]
    public string? VisibleFor { get; set; }
}

/// <summary>A product category.</summary>
public sealed partial class ProductCategory : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Category name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Parent category.</summary>
    [JsonPropertyName("parent")]
    public ProductCategory? Parent { get; set; }

    /// <summary>Child categories.</summary>
    [JsonPropertyName("children")]
    public IList<ProductCategory>? Children { get; set; }

    /// <summary>Product family.</summary>
    [JsonPropertyName("family")]
    public ProductFamily? Family { get; set; }
}

/// <summary>A product family.</summary>
public sealed partial class ProductFamily : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Family name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>Product statistics.</summary>
public sealed partial class ProductStats : ConnectModel
{
    /// <summary>Number of versions.</summary>
    [JsonPropertyName("versions")]
    public int? Versions { get; set; }

    /// <summary>Number of listings.</summary>
    [JsonPropertyName("listing")]
    public int? Listing { get; set; }

    /// <summary>Agreements related to the product.</summary>
    [JsonPropertyName("agreements")]
    public ProductStatsInfo? Agreements { get; set; }

    /// <summary>Contracts related to the product.</summary>
    [JsonPropertyName("contracts")]
    public ProductStatsInfo? Contracts { get; set; }
}

/// <summary>Distribution and sourcing counts.</summary>
public sealed partial class ProductStatsInfo : ConnectModel
{
    /// <summary>Distribution count.</summary>
    [JsonPropertyName("distribution")]
    public int? Distribution { get; set; }

    /// <summary>Sourcing count.</summary>
    [JsonPropertyName("sourcing")]
    public int? Sourcing { get; set; }
}

/// <summary>Product capabilities.</summary>
public sealed partial class ProductCapabilities : ConnectModel
{
    /// <summary>Pay-per-use capability (null when the product has none).</summary>
    [JsonPropertyName("ppu")]
    public PpuCapability? Ppu { get; set; }

    /// <summary>Tier configuration capability.</summary>
    [JsonPropertyName("tiers")]
    public TiersCapability? Tiers { get; set; }
}

/// <summary>Pay-per-use capability.</summary>
public sealed partial class PpuCapability : ConnectModel
{
    /// <summary>Usage schema: QT, TR, PR or CR.</summary>
    [JsonPropertyName("schema")]
    public string? Schema { get; set; }

    /// <summary>Whether dynamic items are allowed.</summary>
    [JsonPropertyName("dynamic")]
    public bool? Dynamic { get; set; }

    /// <summary>Whether future usage is allowed.</summary>
    [JsonPropertyName("future")]
    public bool? Future { get; set; }
}

/// <summary>Tier capability.</summary>
public sealed partial class TiersCapability : ConnectModel
{
    /// <summary>Whether tier config updates are supported.</summary>
    [JsonPropertyName("updates")]
    public bool? Updates { get; set; }

    /// <summary>Tier config levels.</summary>
    [JsonPropertyName("configs")]
    public TierConfigsCapability? Configs { get; set; }
}

/// <summary>Tier config levels.</summary>
public sealed partial class TierConfigsCapability : ConnectModel
{
    /// <summary>Number of tier levels with configuration.</summary>
    [JsonPropertyName("level")]
    public int? Level { get; set; }
}

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

/// <summary>A template (activation, inquiry or pending tile; or a tier template).</summary>
public sealed partial class Template : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Template name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Template title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Template body (Markdown).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Rendered representation.</summary>
    [JsonPropertyName("representation")]
    public string? Representation { get; set; }

    /// <summary>Scope: asset, tier1 or tier2.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>Type: fulfillment, inquire or pending.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Position.</summary>
    [JsonPropertyName("position")]
    public int? Position { get; set; }

    /// <summary>Template events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
