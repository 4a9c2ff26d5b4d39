using System.Globalization;

namespace Connect.Testing;

/// <summary>Fresh ids in Connect's formats, so that objects built for one test never collide in a shared emulator.</summary>
internal static class TestIds
{
    /// <summary><c>AS-dddd-dddd-dddd</c>.</summary>
    public static string Asset() => "AS-" + Groups(3, 4);

    /// <summary>The id of the <paramref name="number"/>th request on an asset: <c>PR-dddd-dddd-dddd-00n</c>.</summary>
    public static string Request(string assetId, int number = 1) =>
        "PR-" + assetId[3..] + "-" + number.ToString("000", CultureInfo.InvariantCulture);

    /// <summary><c>TC-ddd-ddd-ddd</c>.</summary>
    public static string TierConfig() => "TC-" + Groups(3, 3);

    /// <summary>The first request of a tier config: <c>TCR-ddd-ddd-ddd-001</c>.</summary>
    public static string TierConfigRequest(string tierConfigId) => "TCR-" + tierConfigId[3..] + "-001";

    /// <summary><c>UF-yyyy-mm-dddd-dddd</c>.</summary>
    public static string UsageFile(DateTimeOffset at) =>
        "UF-" + at.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "-" + Groups(2, 4);

    private static string Groups(int groups, int digits) =>
        string.Join('-', Enumerable.Range(0, groups).Select(_ =>
            Random.Shared.Next((int)Math.Pow(10, digits - 1), (int)Math.Pow(10, digits)).ToString(CultureInfo.InvariantCulture)));
}
