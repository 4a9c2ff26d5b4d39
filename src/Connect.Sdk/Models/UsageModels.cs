// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The period a usage file covers.</summary>
public sealed partial class UsageFilePeriod : ConnectModel
{
    private WireTimestamp _from;
    private WireTimestamp _to;

    /// <summary>First day (sent as <c>yyyy-MM-dd</c>).</summary>
    [JsonIgnore]
    public DateTimeOffset? From { get => _from.Value; set => _from = _from.WithDate(value); }

    [JsonInclude, JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp FromWire { get => _from; set => _from = value; }

    /// <summary>Last day (sent as <c>yyyy-MM-dd</c>).</summary>
    [JsonIgnore]
    public DateTimeOffset? To { get => _to.Value; set => _to = _to.WithDate(value); }

    [JsonInclude, JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp ToWire { get => _to; set => _to = value; }
}

/// <summary>Record counts of a usage file by state.</summary>
public sealed partial class UsageStats : ConnectModel
{
    /// <summary>Uploaded records.</summary>
    [JsonPropertyName("uploaded")]
    public int? Uploaded { get; set; }

    /// <summary>Validated records.</summary>
    [JsonPropertyName("validated")]
    public int? Validated { get; set; }

    /// <summary>Pending records.</summary>
    [JsonPropertyName("pending")]
    public int? Pending { get; set; }

    /// <summary>Accepted records.</summary>
    [JsonPropertyName("accepted")]
    public int? Accepted { get; set; }

    /// <summary>Closed records.</summary>
    [JsonPropertyName("closed")]
    public int? Closed { get; set; }

    /// <summary>Billed records.</summary>
    [JsonPropertyName("billed")]
    public int? Billed { get; set; }
}

/// <summary>Record counts of a usage file by validity.</summary>
public sealed partial class UsageRecords : ConnectModel
{
    /// <summary>Valid records.</summary>
    [JsonPropertyName("valid")]
    public int? Valid { get; set; }

    /// <summary>Invalid records.</summary>
    [JsonPropertyName("invalid")]
    public int? Invalid { get; set; }

    /// <summary>Closed records.</summary>
    [JsonPropertyName("closed")]
    public int? Closed { get; set; }
}

/// <summary>A usage file.</summary>
public sealed partial class UsageFile : ConnectModel, IIdentified
{
    private WireTimestamp _createdAt;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Note.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; set; }

    /// <summary>Status (see UsageFileStatus).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Sub-status: processing or processed.</summary>
    [JsonPropertyName("sub_status")]
    public string? SubStatus { get; set; }

    /// <summary>Environment.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    /// <summary>Usage schema: tr, pr, qt or cr.</summary>
    [JsonPropertyName("schema")]
    public string? Schema { get; set; }

    /// <summary>Currency.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    /// <summary>External id.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>Vendor.</summary>
    [JsonPropertyName("vendor")]
    public Company? Vendor { get; set; }

    /// <summary>Provider.</summary>
    [JsonPropertyName("provider")]
    public Company? Provider { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Product.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Period.</summary>
    [JsonPropertyName("period")]
    public UsageFilePeriod? Period { get; set; }

    /// <summary>Record counts by state.</summary>
    [JsonPropertyName("stats")]
    public UsageStats? Stats { get; set; }

    /// <summary>Record counts by validity.</summary>
    [JsonPropertyName("records")]
    public UsageRecords? Records { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Acceptance note.</summary>
    [JsonPropertyName("acceptance_note")]
    public string? AcceptanceNote { get; set; }

    /// <summary>Rejection note.</summary>
    [JsonPropertyName("rejection_note")]
    public string? RejectionNote { get; set; }

    /// <summary>Error detail of an invalid file.</summary>
    [JsonPropertyName("error_detail")]
    public string? ErrorDetail { get; set; }

    /// <summary>Creator (older API versions).</summary>
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; set; }

    /// <summary>Creation date (older API versions).</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAt { get => _createdAt.Value; set => _createdAt = _createdAt.With(value); }

    [JsonInclude, JsonPropertyName("created_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedAtWire { get => _createdAt; set => _createdAt = value; }

    /// <summary>Location of the uploaded file.</summary>
    [JsonPropertyName("usage_file_uri")]
    public string? UsageFileUri { get; set; }

    /// <summary>Location of the uploaded file (older API versions).</summary>
    [JsonPropertyName("upload_file_uri")]
    public string? UploadFileUri { get; set; }

    /// <summary>Location of the processed file.</summary>
    [JsonPropertyName("processed_file_uri")]
    public string? ProcessedFileUri { get; set; }

    /// <summary>Location of the reconciliation file.</summary>
    [JsonPropertyName("reconciliation_file_uri")]
    public string? ReconciliationFileUri { get; set; }
}

/// <summary>A listing (an item of /listings): a product offered on a contract.</summary>
public sealed partial class UsageListing : ConnectModel, IIdentified
{
    private WireTimestamp _created;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Status (e.g. listed).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Product.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Vendor.</summary>
    [JsonPropertyName("vendor")]
    public Company? Vendor { get; set; }

    /// <summary>Provider.</summary>
    [JsonPropertyName("provider")]
    public Company? Provider { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }
}

/// <summary>A usage category.</summary>
public sealed partial class UsageCategory : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>A usage record parameter.</summary>
public sealed partial class UsageRecordParam : ConnectModel
{
    /// <summary>Parameter name.</summary>
    [JsonPropertyName("parameter_name")]
    public string? ParameterName { get; set; }

    /// <summary>Parameter value.</summary>
    [JsonPropertyName("parameter_value")]
    public string? ParameterValue { get; set; }
}

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
