namespace Connect.Sdk.Models;

/// <summary>Fulfillment request statuses. Statuses travel as strings: values not listed here are kept as-is.</summary>
public static class RequestStatus
{
    /// <summary>Draft (not yet submitted).</summary>
    public const string Draft = "draft";
    /// <summary>Waiting for the vendor.</summary>
    public const string Pending = "pending";
    /// <summary>Waiting for the customer to fix parameters.</summary>
    public const string Inquiring = "inquiring";
    /// <summary>Approved (terminal).</summary>
    public const string Approved = "approved";
    /// <summary>Failed (terminal).</summary>
    public const string Failed = "failed";
    /// <summary>Tiers being set up.</summary>
    public const string TiersSetup = "tiers_setup";
    /// <summary>Scheduled for a planned date.</summary>
    public const string Scheduled = "scheduled";
    /// <summary>Being revoked.</summary>
    public const string Revoking = "revoking";
    /// <summary>Revoked (terminal).</summary>
    public const string Revoked = "revoked";
}

/// <summary>Fulfillment request types.</summary>
public static class RequestType
{
    /// <summary>First purchase of an asset.</summary>
    public const string Purchase = "purchase";
    /// <summary>Change of items or quantities.</summary>
    public const string Change = "change";
    /// <summary>Suspension.</summary>
    public const string Suspend = "suspend";
    /// <summary>Resumption.</summary>
    public const string Resume = "resume";
    /// <summary>Cancellation.</summary>
    public const string Cancel = "cancel";
    /// <summary>Renewal.</summary>
    public const string Renew = "renew";
    /// <summary>Adjustment.</summary>
    public const string Adjustment = "adjustment";
    /// <summary>Transfer.</summary>
    public const string Transfer = "transfer";
}

/// <summary>Tier config request statuses.</summary>
public static class TierConfigRequestStatus
{
    /// <summary>Draft.</summary>
    public const string Draft = "draft";
    /// <summary>Tiers being set up.</summary>
    public const string TiersSetup = "tiers_setup";
    /// <summary>Waiting for the vendor.</summary>
    public const string Pending = "pending";
    /// <summary>Waiting for parameters.</summary>
    public const string Inquiring = "inquiring";
    /// <summary>Approved (terminal).</summary>
    public const string Approved = "approved";
    /// <summary>Failed (terminal).</summary>
    public const string Failed = "failed";
}

/// <summary>Tier config request types.</summary>
public static class TierConfigRequestType
{
    /// <summary>First setup of a tier config.</summary>
    public const string Setup = "setup";
    /// <summary>Update of a tier config.</summary>
    public const string Update = "update";
    /// <summary>Adjustment.</summary>
    public const string Adjustment = "adjustment";
}

/// <summary>Asset statuses.</summary>
public static class AssetStatus
{
    /// <summary>Draft.</summary>
    public const string Draft = "draft";
    /// <summary>First purchase requested.</summary>
    public const string New = "new";
    /// <summary>Until the first purchase is completed or rejected.</summary>
    public const string Processing = "processing";
    /// <summary>Active.</summary>
    public const string Active = "active";
    /// <summary>First purchase rejected.</summary>
    public const string Rejected = "rejected";
    /// <summary>Being terminated.</summary>
    public const string Terminating = "terminating";
    /// <summary>Suspended.</summary>
    public const string Suspended = "suspended";
    /// <summary>Terminated.</summary>
    public const string Terminated = "terminated";
}

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

/// <summary>Connection (environment) types.</summary>
public static class ConnectionType
{
    /// <summary>Preview.</summary>
    public const string Preview = "preview";
    /// <summary>Test.</summary>
    public const string Test = "test";
    /// <summary>Production.</summary>
    public const string Production = "production";
}

/// <summary>Conversation message types.</summary>
public static class ConversationMessageType
{
    /// <summary>A regular message.</summary>
    public const string Message = "message";
    /// <summary>A private note.</summary>
    public const string Private = "private";
    /// <summary>A state change recorded by the platform.</summary>
    public const string StateChange = "state_change";
}
