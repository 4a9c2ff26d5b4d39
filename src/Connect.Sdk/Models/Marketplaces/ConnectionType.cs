namespace Connect.Sdk.Models;

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
