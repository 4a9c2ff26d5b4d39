using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A tier configuration: the parameters of one tier account for one product.</summary>
public sealed partial class TierConfig : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Status (active or processing).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Tier account.</summary>
    [JsonPropertyName("account")]
    public TierAccount? Account { get; set; }

    /// <summary>Product.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Tier level (1 or 2).</summary>
    [JsonPropertyName("tier_level")]
    public int? TierLevel { get; set; }

    /// <summary>Connection.</summary>
    [JsonPropertyName("connection")]
    public Connection? Connection { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Tier parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }

    /// <summary>Template.</summary>
    [JsonPropertyName("template")]
    public Template? Template { get; set; }

    /// <summary>Open request reference.</summary>
    [JsonPropertyName("open_request")]
    public TierConfigRequest? OpenRequest { get; set; }

    /// <summary>Configuration parameters.</summary>
    [JsonPropertyName("configuration")]
    public Configuration? Configuration { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Tier accounts.</summary>
    [JsonPropertyName("tiers")]
    public Tiers? Tiers { get; set; }

    /// <summary>The tier parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}
