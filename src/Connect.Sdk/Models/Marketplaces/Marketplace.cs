using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

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
