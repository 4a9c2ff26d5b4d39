namespace Connect.Sdk.Models;

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
