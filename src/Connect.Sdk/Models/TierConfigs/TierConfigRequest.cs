using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A tier config request.</summary>
public sealed partial class TierConfigRequest : ConnectModel, IIdentified
{
    private WireTimestamp _effectiveDate;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Type: setup, update or adjustment.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Status (see TierConfigRequestStatus).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The tier config.</summary>
    [JsonPropertyName("configuration")]
    public TierConfig? Configuration { get; set; }

    /// <summary>Parent tier config.</summary>
    [JsonPropertyName("parent_configuration")]
    public TierConfig? ParentConfiguration { get; set; }

    /// <summary>Tier parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }

    /// <summary>Assignee.</summary>
    [JsonPropertyName("assignee")]
    [JsonConverter(typeof(LenientObjectConverter<User>))]
    public User? Assignee { get; set; }

    /// <summary>Template (approved requests).</summary>
    [JsonPropertyName("template")]
    public Template? Template { get; set; }

    /// <summary>Fail reason.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Activation (inquiring requests with ordering parameters).</summary>
    [JsonPropertyName("activation")]
    public Activation? Activation { get; set; }

    /// <summary>Notes.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    /// <summary>Environment: test, preview or production.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    /// <summary>Effective date.</summary>
    [JsonIgnore]
    public DateTimeOffset? EffectiveDate { get => _effectiveDate.Value; set => _effectiveDate = _effectiveDate.With(value); }

    [JsonInclude, JsonPropertyName("effective_date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp EffectiveDateWire { get => _effectiveDate; set => _effectiveDate = value; }

    /// <summary>Tier accounts.</summary>
    [JsonPropertyName("tiers")]
    public Tiers? Tiers { get; set; }

    /// <summary>Tier level.</summary>
    [JsonPropertyName("tier_level")]
    public int? TierLevel { get; set; }

    /// <summary>Tier account.</summary>
    [JsonPropertyName("account")]
    public TierAccount? Account { get; set; }

    /// <summary>Product.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>The request parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}
