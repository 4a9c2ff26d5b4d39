namespace Connect.Sdk.Tests.Integration;

/// <summary>Ids of the emulator's demo seed (docs/emulator.md, "Demo data").</summary>
internal static class Demo
{
    public const string TierProduct = "PRD-100-200-300";
    public const string PpuProduct = "PRD-400-500-600";
    public const string ActivationTemplate = "TL-100-200-301";
    public const string Tier1Template = "TL-100-200-302";
    public const string InquireTemplate = "TL-100-200-303";
    public const string CompletePending = "PR-0001-0001-0001-001";
    public const string MissingEmailPending = "PR-0001-0001-0002-001";
    public const string ChangePending = "PR-0001-0001-0003-002";
    public const string Approved = "PR-0001-0001-0003-001";
    public const string TiersSetupContoso = "PR-0001-0001-0007-001";
    public const string TiersSetupContoso2 = "PR-0001-0001-0008-001";
    public const string TiersSetupFabrikam = "PR-0001-0001-0009-001";
    public const string Inquiring = "PR-0001-0001-0010-001";
    public const string ContosoTcr = "TCR-048-244-308-001";
    public const string FabrikamTcr = "TCR-967-637-445-001";
    public const string NorthwindTcr = "TCR-128-851-171-001";
    public const string Northwind = "TA-2000-0000-0001";
    public const string Contoso = "TA-2000-0000-0002";
    public const string Acme = "TA-1000-0000-0001";
    public const string MarketplaceEu = "MP-10001";
}
