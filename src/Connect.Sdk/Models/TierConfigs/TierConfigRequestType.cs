namespace Connect.Sdk.Models;

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
