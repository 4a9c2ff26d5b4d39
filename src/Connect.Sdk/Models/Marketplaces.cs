// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A hub (the e-commerce system behind a connection).</summary>
public sealed partial class Hub : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Hub name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Hub description (Markdown).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The company the hub belongs to.</summary>
    [JsonPropertyName("company")]
    public Company? Company { get; set; }

    /// <summary>Events on the hub.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Hub instance.</summary>
    [JsonPropertyName("instance")]
    public HubInstance? Instance { get; set; }

    /// <summary>Hub stats.</summary>
    [JsonPropertyName("stats")]
    public HubStats? Stats { get; set; }
}

/// <summary>An instance of a hub.</summary>
public sealed partial class HubInstance : ConnectModel
{
    /// <summary>E-commerce system type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>Hub statistics.</summary>
public sealed partial class HubStats : ConnectModel
{
    /// <summary>Number of active connections.</summary>
    [JsonPropertyName("connections")]
    public int? Connections { get; set; }

    /// <summary>Number of marketplaces.</summary>
    [JsonPropertyName("marketplaces")]
    public int? Marketplaces { get; set; }
}

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

/// <summary>A marketplace: where products are listed and which hubs provision them.</summary>
public sealed partial class Marketplace : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Marketplace title.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Markdown description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Icon path.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }

    /// <summary>Number of active contracts on the marketplace.</summary>
    [JsonPropertyName("active_contracts")]
    public int? ActiveContracts { get; set; }

    /// <summary>Provider account that owns the marketplace.</summary>
    [JsonPropertyName("owner")]
    public Company? Owner { get; set; }

    /// <summary>Hubs associated with the marketplace.</summary>
    [JsonPropertyName("hubs")]
    public IList<ExtIdHub>? Hubs { get; set; }

    /// <summary>Countries of the marketplace.</summary>
    [JsonPropertyName("countries")]
    public IList<Country>? Countries { get; set; }

    /// <summary>Zone (continent code).</summary>
    [JsonPropertyName("zone")]
    public string? Zone { get; set; }

    /// <summary>Whether the marketplace is available for sourcing.</summary>
    [JsonPropertyName("sourcing")]
    public bool? Sourcing { get; set; }

    /// <summary>Currency of the marketplace.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }
}

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
