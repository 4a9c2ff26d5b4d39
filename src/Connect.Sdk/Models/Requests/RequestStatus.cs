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
