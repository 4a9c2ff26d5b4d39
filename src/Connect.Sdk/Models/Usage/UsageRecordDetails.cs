using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A usage record as returned by /usage/records (not the row reported in a file: see UsageRecord).</summary>
public sealed partial class UsageRecordDetails : ConnectModel, IIdentified
{
    private WireTimestamp _startDate;
    private WireTimestamp _endDate;
    private WireDecimal _amount;
    private WireDecimal _multiplier;
    private WireDecimal _usage;
    private WireTimestamp _closedAt;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Status: valid, invalid, approved, rejected, closed.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Start of the usage period.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartDate { get => _startDate.Value; set => _startDate = _startDate.With(value); }

    [JsonInclude, JsonPropertyName("start_date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp StartDateWire { get => _startDate; set => _startDate = value; }

    /// <summary>End of the usage period.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndDate { get => _endDate.Value; set => _endDate = _endDate.With(value); }

    [JsonInclude, JsonPropertyName("end_date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp EndDateWire { get => _endDate; set => _endDate = value; }

    /// <summary>Product id.</summary>
    [JsonPropertyName("product_id")]
    public string? ProductId { get; set; }

    /// <summary>External billing id.</summary>
    [JsonPropertyName("external_billing_id")]
    public string? ExternalBillingId { get; set; }

    /// <summary>External billing note.</summary>
    [JsonPropertyName("external_billing_note")]
    public string? ExternalBillingNote { get; set; }

    /// <summary>Item.</summary>
    [JsonPropertyName("item")]
    public Item? Item { get; set; }

    /// <summary>Asset.</summary>
    [JsonPropertyName("asset")]
    public Asset? Asset { get; set; }

    /// <summary>Category id of the record (a string in the v37 schema <c>usage.UsageRecord</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>Tier level.</summary>
    [JsonPropertyName("tier")]
    public int? Tier { get; set; }

    /// <summary>Amount.</summary>
    [JsonIgnore]
    public decimal? Amount { get => _amount.Value; set => _amount = _amount.With(value, asStringByDefault: false); }

    [JsonInclude, JsonPropertyName("amount"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireDecimal AmountWire { get => _amount; set => _amount = value; }

    /// <summary>Multiplier.</summary>
    [JsonIgnore]
    public decimal? Multiplier { get => _multiplier.Value; set => _multiplier = _multiplier.With(value, asStringByDefault: false); }

    [JsonInclude, JsonPropertyName("multiplier"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireDecimal MultiplierWire { get => _multiplier; set => _multiplier = value; }

    /// <summary>Usage.</summary>
    [JsonIgnore]
    public decimal? Usage { get => _usage.Value; set => _usage = _usage.With(value, asStringByDefault: false); }

    [JsonInclude, JsonPropertyName("usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireDecimal UsageWire { get => _usage; set => _usage = value; }

    /// <summary>Close date.</summary>
    [JsonIgnore]
    public DateTimeOffset? ClosedAt { get => _closedAt.Value; set => _closedAt = _closedAt.With(value); }

    [JsonInclude, JsonPropertyName("closed_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp ClosedAtWire { get => _closedAt; set => _closedAt = value; }

    /// <summary>Parameters.</summary>
    [JsonPropertyName("params")]
    public IList<UsageRecordParam>? Params { get; set; }

    /// <summary>Usage file reference.</summary>
    [JsonPropertyName("usagefile")]
    public UsageFile? Usagefile { get; set; }
}
