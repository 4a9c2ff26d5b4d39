namespace Connect.Usage;

/// <summary>
/// The usage schema of a pay-as-you-go product: it decides which columns a usage record must fill
/// (contract/api-contract.md section 8: quantity for QT, amount for CR, PR and TR, tier for TR).
/// </summary>
public enum UsageSchema
{
    /// <summary>Quantity (<c>qt</c>): the record reports a quantity; Connect prices it.</summary>
    Qt,

    /// <summary>Tiers (<c>tr</c>): the record reports an amount for a tier level.</summary>
    Tr,

    /// <summary>Provider rated (<c>pr</c>): the record reports an amount.</summary>
    Pr,

    /// <summary>Connect rated (<c>cr</c>): the record reports an amount.</summary>
    Cr,
}
