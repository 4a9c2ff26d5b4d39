using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>An asset (a subscription): what a customer purchased.</summary>
public sealed partial class Asset : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Asset status (see AssetStatus).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Id of the asset in the e-commerce system.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>UID of the asset in the e-commerce system.</summary>
    [JsonPropertyName("external_uid")]
    public string? ExternalUid { get; set; }

    /// <summary>Name of the asset.</summary>
    [JsonPropertyName("external_name")]
    public string? ExternalName { get; set; }

    /// <summary>Product reference.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Connection.</summary>
    [JsonPropertyName("connection")]
    public Connection? Connection { get; set; }

    /// <summary>Asset items.</summary>
    [JsonPropertyName("items")]
    public IList<Item>? Items { get; set; }

    /// <summary>Asset parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }

    /// <summary>Supply chain accounts.</summary>
    [JsonPropertyName("tiers")]
    public Tiers? Tiers { get; set; }

    /// <summary>Configuration parameters.</summary>
    [JsonPropertyName("configuration")]
    public Configuration? Configuration { get; set; }

    /// <summary>Marketplace reference.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Contract reference.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Asset events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>The asset parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);

    /// <summary>The item with the given id, or <see langword="null"/>.</summary>
    /// <param name="itemId">Item id.</param>
    public Item? GetItemById(string itemId) => ModelLookup.Item(Items, i => i.Id, itemId);

    /// <summary>The item with the given MPN, or <see langword="null"/>.</summary>
    /// <param name="mpn">Manufacturer part number.</param>
    public Item? GetItemByMpn(string mpn) => ModelLookup.Item(Items, i => i.Mpn, mpn);

    /// <summary>The item with the given global id, or <see langword="null"/>.</summary>
    /// <param name="globalId">Global id.</param>
    public Item? GetItemByGlobalId(string globalId) => ModelLookup.Item(Items, i => i.GlobalId, globalId);
}
