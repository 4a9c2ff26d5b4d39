using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product item, as ordered in an asset or request.</summary>
public sealed partial class Item : ConnectModel, IIdentified
{
    private WireDecimal _quantity;
    private WireDecimal _oldQuantity;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Global id.</summary>
    [JsonPropertyName("global_id")]
    public string? GlobalId { get; set; }

    /// <summary>Local id.</summary>
    [JsonPropertyName("local_id")]
    public string? LocalId { get; set; }

    /// <summary>Manufacturer part number.</summary>
    [JsonPropertyName("mpn")]
    public string? Mpn { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Display name.</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary>Quantity (-1 for unlimited). Connect sends it as a string; both forms are read.</summary>
    [JsonIgnore]
    public decimal? Quantity { get => _quantity.Value; set => _quantity = _quantity.With(value, asStringByDefault: true); }

    [JsonInclude, JsonPropertyName("quantity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireDecimal QuantityWire { get => _quantity; set => _quantity = value; }

    /// <summary>Previous quantity.</summary>
    [JsonIgnore]
    public decimal? OldQuantity { get => _oldQuantity.Value; set => _oldQuantity = _oldQuantity.With(value, asStringByDefault: true); }

    [JsonInclude, JsonPropertyName("old_quantity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireDecimal OldQuantityWire { get => _oldQuantity; set => _oldQuantity = value; }

    /// <summary>Unit type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Item type: Reservation or PPU.</summary>
    [JsonPropertyName("item_type")]
    public string? ItemType { get; set; }

    /// <summary>Billing period.</summary>
    [JsonPropertyName("period")]
    public string? Period { get; set; }

    /// <summary>Item parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }

    /// <summary>Renewal data (renew requests).</summary>
    [JsonPropertyName("renewal")]
    public Renewal? Renewal { get; set; }

    /// <summary>The item parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}
