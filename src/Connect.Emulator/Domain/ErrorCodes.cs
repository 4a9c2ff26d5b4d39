namespace Connect.Emulator.Domain;

/// <summary>The error codes the emulator answers with (see docs/emulator.md; most are emulator-specific).</summary>
internal static class ErrorCodes
{
    public const string Unauthorized = "AUTH_001";
    public const string NotFound = "NOT_FOUND";
    public const string Validation = "VAL_001";
    public const string Rql = "RQL_001";
    public const string Internal = "SYS_001";
    public const string RequestTransition = "REQ_001";
    public const string RequestUnknownParameter = "REQ_002";
    public const string RequestRequiredParameter = "REQ_003";
    public const string RequestTemplate = "REQ_004";
    public const string RequestCreate = "REQ_005";
    public const string RequestUniqueParameter = "REQ_006";
    public const string RequestNotEditable = "REQ_007";
    public const string TierTransition = "TCR_001";
    public const string TierUnknownParameter = "TCR_002";
    public const string TierTemplate = "TCR_003";
    public const string TierCreate = "TCR_004";
    public const string TierRequiredParameter = "TCR_006";
    public const string TierNotEditable = "TCR_005";
    public const string ConversationClosed = "CNV_001";
}
