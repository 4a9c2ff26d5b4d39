using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Connect.Sdk.Rql;

/// <summary>
/// An immutable RQL filter expression. Combine with <c>&amp;</c> (and), <c>|</c> (or) and <c>!</c> (not);
/// <see cref="ToString"/> returns the URL-ready text (structural punctuation literal, values quoted when the
/// grammar requires it and percent-encoded).
/// </summary>
/// <example><code>R.Field("asset.product.id").In("PRD-1", "PRD-2") &amp; R.Field("status").Eq("pending")</code></example>
public abstract partial class RqlExpression
{
    private protected RqlExpression()
    {
    }

    /// <summary>Both expressions must hold: <c>and(a,b)</c>.</summary>
    /// <param name="left">Left expression.</param>
    /// <param name="right">Right expression.</param>
    /// <returns>The combined expression.</returns>
    public static RqlExpression operator &(RqlExpression left, RqlExpression right) => R.And(left, right);

    /// <summary>Either expression must hold: <c>or(a,b)</c>.</summary>
    /// <param name="left">Left expression.</param>
    /// <param name="right">Right expression.</param>
    /// <returns>The combined expression.</returns>
    public static RqlExpression operator |(RqlExpression left, RqlExpression right) => R.Or(left, right);

    /// <summary>The expression must not hold: <c>not(a)</c>.</summary>
    /// <param name="operand">Expression.</param>
    /// <returns>The negated expression.</returns>
    public static RqlExpression operator !(RqlExpression operand) => R.Not(operand);

    /// <summary>Same as <c>&amp;</c>.</summary>
    /// <param name="left">Left expression.</param>
    /// <param name="right">Right expression.</param>
    /// <returns>The combined expression.</returns>
    public static RqlExpression BitwiseAnd(RqlExpression left, RqlExpression right) => R.And(left, right);

    /// <summary>Same as <c>|</c>.</summary>
    /// <param name="left">Left expression.</param>
    /// <param name="right">Right expression.</param>
    /// <returns>The combined expression.</returns>
    public static RqlExpression BitwiseOr(RqlExpression left, RqlExpression right) => R.Or(left, right);

    /// <summary>Same as <c>!</c>.</summary>
    /// <param name="operand">Expression.</param>
    /// <returns>The negated expression.</returns>
    public static RqlExpression LogicalNot(RqlExpression operand) => R.Not(operand);

    /// <summary>The URL-ready RQL text.</summary>
    /// <returns>RQL text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    internal abstract void Write(StringBuilder text);

    /// <summary>Formats a value: RQL constants, booleans, numbers and ISO 8601 dates; quoted when needed; percent-encoded.</summary>
    internal static string FormatValue(object? value) => value switch
    {
        null => "null()",
        RqlConstant constant => constant.Text,
        bool b => b ? "true" : "false",
        DateTimeOffset d => Encode(Quote(d.ToString(d.Millisecond == 0 && d.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture))),
        DateTime d => FormatValue(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f when value is int or long or short or byte or decimal or double or float or uint or ulong =>
            f.ToString(null, CultureInfo.InvariantCulture),
        _ => Encode(Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)),
    };

    /// <summary>Validates a property name: <c>[a-zA-Z][\w\-.]*</c> (dotted paths).</summary>
    internal static string CheckProperty(string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        if (!PropertyPattern().IsMatch(property))
        {
            throw new ArgumentException($"'{property}' is not a valid RQL property name (letters, digits, '_', '-', '.').", nameof(property));
        }

        return property;
    }

    /// <summary>Quotes a value the RQL grammar cannot take bare (spaces, commas, parentheses, quotes, '&amp;', ...).</summary>
    internal static string Quote(string value)
    {
        if (BareValuePattern().IsMatch(value))
        {
            return value;
        }

        if (!value.Contains('"', StringComparison.Ordinal))
        {
            return "\"" + value + "\"";
        }

        if (!value.Contains('\'', StringComparison.Ordinal))
        {
            return "'" + value + "'";
        }

        throw new ArgumentException("An RQL value cannot contain both single and double quotes.", nameof(value));
    }

    /// <summary>
    /// Percent-encodes a (quoted) value. Spaces become <c>%20</c>, never <c>+</c> (the server decodes with
    /// <c>unquote</c>, not <c>unquote_plus</c>); '+' and '&amp;' inside values are encoded too.
    /// </summary>
    internal static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-._*:~\\".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                if (rune.Value == '\\')
                {
                    text.Append("%5C");
                }
                else
                {
                    text.Append((char)rune.Value);
                }

                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < count; i++)
            {
                text.Append('%').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^[a-zA-Z][\w\-.]*$")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"^[\w\-*+\\][\w.\-:+@*\\]*$")]
    private static partial Regex BareValuePattern();
}

/// <summary>The RQL constants <c>null()</c> and <c>empty()</c>.</summary>
internal sealed class RqlConstant
{
    private RqlConstant(string text) => Text = text;

    public static RqlConstant Null { get; } = new("null()");

    public static RqlConstant Empty { get; } = new("empty()");

    public string Text { get; }
}

/// <summary>A comparison such as <c>eq(prop,value)</c> or <c>in(prop,(a,b))</c>.</summary>
internal sealed class RqlComparison(string op, string property, string formattedValue) : RqlExpression
{
    internal override void Write(StringBuilder text) =>
        text.Append(op).Append('(').Append(property).Append(',').Append(formattedValue).Append(')');
}

/// <summary><c>and(...)</c> / <c>or(...)</c> of several expressions; nested groups of the same operator are flattened.</summary>
internal sealed class RqlGroup(string op, IReadOnlyList<RqlExpression> operands) : RqlExpression
{
    public string Op { get; } = op;

    public IReadOnlyList<RqlExpression> Operands { get; } = operands;

    internal override void Write(StringBuilder text)
    {
        text.Append(Op).Append('(');
        for (var i = 0; i < Operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Operands[i].Write(text);
        }

        text.Append(')');
    }
}

/// <summary><c>not(expr)</c>.</summary>
internal sealed class RqlNot(RqlExpression operand) : RqlExpression
{
    internal override void Write(StringBuilder text)
    {
        text.Append("not(");
        operand.Write(text);
        text.Append(')');
    }
}
