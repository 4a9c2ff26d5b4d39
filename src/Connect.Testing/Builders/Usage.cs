namespace Connect.Testing;

/// <summary>
/// Starting points for usage builders: a draft usage file of the emulator's pay-per-use demo product for December 2025,
/// and usage records of its active subscription <c>AS-0002-0001-0001</c>.
/// </summary>
public static class Usage
{
    /// <summary>The active demo subscription of the pay-per-use product.</summary>
    public const string DemoAssetId = "AS-0002-0001-0001";

    /// <summary>A usage file in <c>draft</c>.</summary>
    /// <returns>The builder.</returns>
    public static UsageFileBuilder File() => new();

    /// <summary>One usage record (quantity 1 of <see cref="DemoDefaults.UsageItemMpn"/>).</summary>
    /// <returns>The builder.</returns>
    public static UsageRecordBuilder Record() => new();
}
