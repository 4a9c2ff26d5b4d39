using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

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

    /// <summary>The asset parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => Asset?.GetParamById(paramId);

    /// <summary>
    /// Whether the request carries data to migrate from a legacy system: the parameter
    /// <paramref name="migrationKey"/> exists and has a non-empty value. Such requests are normally skipped.
    /// </summary>
    /// <param name="migrationKey">Name of the parameter holding the migration data.</param>
    public bool NeedsMigration(string migrationKey = "migration_info") =>
        !string.IsNullOrEmpty(GetParamById(migrationKey)?.Value);

    /// <summary>Items added by this request: quantity not zero (-1 means unlimited), previous quantity zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> NewItems => ItemsWhere(i => (i.Quantity ?? 0) != 0 && (i.OldQuantity ?? 0) == 0);

    /// <summary>Items whose quantity changed: both the quantity and the previous quantity not zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> ChangedItems =>
        ItemsWhere(i => (i.Quantity ?? 0) != 0 && (i.OldQuantity ?? 0) != 0);

    /// <summary>Items removed by this request: quantity zero, previous quantity above zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> RemovedItems => ItemsWhere(i => (i.Quantity ?? 0) == 0 && (i.OldQuantity ?? 0) != 0);

    private List<Item> ItemsWhere(Func<Item, bool> predicate) =>
        Asset?.Items?.Where(predicate).ToList() ?? [];
}
