// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Renewal data of an item.</summary>
public sealed partial class Renewal : ConnectModel
{
    private WireTimestamp _from;
    private WireTimestamp _to;

    /// <summary>Start of the renewal period.</summary>
    [JsonIgnore]
    public DateTimeOffset? From { get => _from.Value; set => _from = _from.With(value); }

    [JsonInclude, JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp FromWire { get => _from; set => _from = value; }

    /// <summary>End of the renewal period.</summary>
    [JsonIgnore]
    public DateTimeOffset? To { get => _to.Value; set => _to = _to.With(value); }

    [JsonInclude, JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp ToWire { get => _to; set => _to = value; }

    /// <summary>Size of the renewal period.</summary>
    [JsonPropertyName("period_delta")]
    public int? PeriodDelta { get; set; }

    /// <summary>Unit of the renewal period: year, month, day, hour.</summary>
    [JsonPropertyName("period_uom")]
    public string? PeriodUom { get; set; }
}

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
}

/// <summary>Configuration-phase parameters bound to a context (asset, request, tier config).</summary>
public sealed partial class Configuration : ConnectModel
{
    /// <summary>Parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }
}

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
}

/// <summary>A fulfillment (asset) request: the Python connect-sdk's Fulfillment.</summary>
public sealed partial class FulfillmentRequest : ConnectModel, IIdentified
{
    private WireTimestamp _created;
    private WireTimestamp _updated;
    private WireTimestamp _effectiveDate;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Request type (see RequestType).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Request status (see RequestStatus).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Note.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; set; }

    /// <summary>Fail reason.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Activation tile (Markdown) shown to the customer.</summary>
    [JsonPropertyName("activation_key")]
    public string? ActivationKey { get; set; }

    /// <summary>Whether the request was answered.</summary>
    [JsonPropertyName("answered")]
    public bool? Answered { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Date of the last change.</summary>
    [JsonIgnore]
    public DateTimeOffset? Updated { get => _updated.Value; set => _updated = _updated.With(value); }

    [JsonInclude, JsonPropertyName("updated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp UpdatedWire { get => _updated; set => _updated = value; }

    /// <summary>Effective date.</summary>
    [JsonIgnore]
    public DateTimeOffset? EffectiveDate { get => _effectiveDate.Value; set => _effectiveDate = _effectiveDate.With(value); }

    [JsonInclude, JsonPropertyName("effective_date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp EffectiveDateWire { get => _effectiveDate; set => _effectiveDate = value; }

    /// <summary>URL where the customer can fix parameters.</summary>
    [JsonPropertyName("params_form_url")]
    public string? ParamsFormUrl { get; set; }

    /// <summary>The asset.</summary>
    [JsonPropertyName("asset")]
    public Asset? Asset { get; set; }

    /// <summary>Assignee (recorded documents send an empty string when there is none).</summary>
    [JsonPropertyName("assignee")]
    [JsonConverter(typeof(LenientObjectConverter<User>))]
    public User? Assignee { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }
}
