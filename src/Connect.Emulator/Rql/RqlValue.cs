using System.Globalization;

namespace Connect.Emulator.Rql;

/// <summary>What an RQL constant is: a literal, <c>null()</c> or <c>empty()</c>.</summary>
internal enum RqlValueKind
{
    Text,
    Null,
    Empty,
}

/// <summary>
/// A comparison constant, interpreted once at parse time as every type the evaluator may need it as, so that
/// evaluating it against many documents parses nothing but the document side.
/// </summary>
internal sealed class RqlValue
{
    public static readonly RqlValue Null = new(RqlValueKind.Null, "null()");
    public static readonly RqlValue Empty = new(RqlValueKind.Empty, "empty()");

    private RqlValue(RqlValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public RqlValueKind Kind { get; }

    /// <summary>The literal text (quotes removed); <c>null()</c>/<c>empty()</c> for the constants.</summary>
    public string Text { get; }

    /// <summary>The value as a number, when the text is one (quantities travel as strings, e.g. "3").</summary>
    public decimal? Number { get; private init; }

    /// <summary>The value as an instant, when the text is an ISO 8601 date or date-time.</summary>
    public DateTimeOffset? Instant { get; private init; }

    /// <summary>The value as a boolean, when the text is <c>true</c> or <c>false</c>.</summary>
    public bool? Boolean { get; private init; }

    /// <summary>True when the text can only be compared as a string (the fast path).</summary>
    public bool IsPlainText => Kind == RqlValueKind.Text && Number is null && Instant is null && Boolean is null;

    public static RqlValue FromText(string text)
    {
        return new RqlValue(RqlValueKind.Text, text)
        {
            Number = TryParseNumber(text, out var number) ? number : null,
            Instant = TryParseInstant(text, out var instant) ? instant : null,
            Boolean = text switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            },
        };
    }

    public static bool TryParseNumber(string text, out decimal number)
    {
        number = 0;
        if (text.Length == 0 || text.Length > 64)
        {
            return false;
        }

        var first = text[0];
        if (!char.IsAsciiDigit(first) && first != '-' && first != '+' && first != '.')
        {
            return false;
        }

        return decimal.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture,
            out number);
    }

    /// <summary>ISO 8601 dates (<c>2019-02-12</c>, midnight UTC) and date-times (<c>2019-02-12T10:02:00+03:00</c>).</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length < 10 || text.Length > 40
            || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2])
            || !char.IsAsciiDigit(text[3]) || text[4] != '-' || !char.IsAsciiDigit(text[5])
            || !char.IsAsciiDigit(text[6]) || text[7] != '-' || !char.IsAsciiDigit(text[8])
            || !char.IsAsciiDigit(text[9]))
        {
            return false;
        }

        if (text.Length == 10)
        {
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                instant = new DateTimeOffset(date, TimeSpan.Zero);
                return true;
            }

            return false;
        }

        if (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
        {
            return false;
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out instant);
    }

    /// <summary>Canonical text: the constants bare, literals double-quoted with backslash escapes.</summary>
    public override string ToString() => Kind == RqlValueKind.Text ? Quote(Text) : Text;

    public static string Quote(string text)
    {
        if (text.AsSpan().IndexOfAny('"', '\\') < 0)
        {
            return "\"" + text + "\"";
        }

        return "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
