using System.Globalization;

namespace Connect.Usage;

/// <summary>Cell text conventions of the usage file (contract/api-contract.md section 8): invariant numbers, UTC dates as text.</summary>
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

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss</c> in UTC (<see cref="UsageColumns.DateFormat"/>), composed digit by digit: the same
    /// text as the custom format string at a fraction of its cost, which shows at two dates per record.
    /// </summary>
    public static string FormatDate(DateTime value) => string.Create(19, ToUtc(value), static (text, date) =>
    {
        var (year, month, day) = date;
        var time = date.TimeOfDay;
        Digits(text[..4], year);
        text[4] = '-';
        Digits(text.Slice(5, 2), month);
        text[7] = '-';
        Digits(text.Slice(8, 2), day);
        text[10] = ' ';
        Digits(text.Slice(11, 2), time.Hours);
        text[13] = ':';
        Digits(text.Slice(14, 2), time.Minutes);
        text[16] = ':';
        Digits(text.Slice(17, 2), time.Seconds);
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>
    /// Text a spreadsheet could take for a formula: it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return (OWASP's list for CSV injection). The writer keeps such text exactly and marks its cell as text.
    /// </summary>
    public static bool LooksLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

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
