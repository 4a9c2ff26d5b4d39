using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

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
