namespace Connect.Sdk.Models;

/// <summary>Usage file statuses.</summary>
public static class UsageFileStatus
{
    /// <summary>Created, no file uploaded.</summary>
    public const string Draft = "draft";
    /// <summary>Upload in progress.</summary>
    public const string Uploading = "uploading";
    /// <summary>Uploaded.</summary>
    public const string Uploaded = "uploaded";
    /// <summary>Being processed.</summary>
    public const string Processing = "processing";
    /// <summary>The file has errors.</summary>
    public const string Invalid = "invalid";
    /// <summary>Ready to be submitted.</summary>
    public const string Ready = "ready";
    /// <summary>Rejected by the provider.</summary>
    public const string Rejected = "rejected";
    /// <summary>Submitted, waiting for the provider.</summary>
    public const string Pending = "pending";
    /// <summary>Accepted by the provider.</summary>
    public const string Accepted = "accepted";
    /// <summary>Closed.</summary>
    public const string Closed = "closed";
    /// <summary>Deleted.</summary>
    public const string Deleted = "deleted";
}
