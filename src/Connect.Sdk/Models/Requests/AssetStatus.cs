namespace Connect.Sdk.Models;

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
