using System.Globalization;

namespace Connect.Usage;

/// <summary>Cell text conventions of the usage file (contract §8): invariant numbers, UTC dates as text.</summary>
internal static class UsageCells
{
    private static readonly string[] DateFormats =
    [
        UsageColumns.DateFormat,
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>Unspecified kinds are taken as UTC already; local times are converted.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    public static string FormatDate(DateTime value) =>
        ToUtc(value).ToString(UsageColumns.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Full decimal precision, never an exponent, '.' as separator.</summary>
    public static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>YYYY-MM-DD hh:mm:ss</c>, <c>YYYY-MM-DD</c> or ISO 8601; offsets are converted to UTC.</summary>
    public static bool TryParseDate(string text, out DateTime value)
    {
        if (DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    /// <summary>Invariant decimal: digits, optional sign, '.', and exponents (as spreadsheets write large numbers).</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
