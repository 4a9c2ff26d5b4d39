namespace Connect.Sdk.Models;

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
