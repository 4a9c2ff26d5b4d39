namespace Connect.Emulator.Tests;

/// <summary>Ids of the demo seed (docs/emulator.md lists them).</summary>
internal static class Demo
{
    public const string TierProduct = "PRD-100-200-300";
    public const string UsageProduct = "PRD-400-500-600";
    public const string ActivationTemplate = "TL-100-200-301";
    public const string TierTemplate = "TL-100-200-302";
    public const string InquireTemplate = "TL-100-200-303";
    public const string PendingPurchase = "PR-0001-0001-0001-001";
    public const string PendingPurchaseAsset = "AS-0001-0001-0001";
    public const string MissingParamPurchase = "PR-0001-0001-0002-001";
    public const string PendingChange = "PR-0001-0001-0003-002";
    public const string PendingSuspend = "PR-0001-0001-0004-002";
    public const string PendingResume = "PR-0001-0001-0005-003";
    public const string PendingCancel = "PR-0001-0001-0006-002";
    public const string TiersSetupContoso1 = "PR-0001-0001-0007-001";
    public const string TiersSetupContoso2 = "PR-0001-0001-0008-001";
    public const string TiersSetupFabrikam = "PR-0001-0001-0009-001";
    public const string InquiringPurchase = "PR-0001-0001-0010-001";
    public const string ApprovedUsagePurchase = "PR-0002-0001-0001-001";
    public const string PendingUsagePurchase = "PR-0002-0001-0002-001";
    public const string ResellerNorthwind = "TA-2000-0000-0001";
    public const string ResellerContoso = "TA-2000-0000-0002";
    public const string ResellerFabrikam = "TA-2000-0000-0003";
    public const string CustomerAcme = "TA-1000-0000-0001";
    public const int RequestCount = 17;
}
