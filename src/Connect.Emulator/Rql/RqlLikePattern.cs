namespace Connect.Emulator.Rql;

/// <summary>
/// A <c>like</c>/<c>ilike</c> pattern: <c>*</c> matches any run of characters, <c>\*</c> is a literal star and
/// <c>**</c> is rejected (as django-rql does). Matching is a left-to-right glob scan: no regex, linear per part.
/// </summary>
internal sealed class RqlLikePattern
{
    private readonly string[] _parts;
    private readonly StringComparison _comparison;

    private RqlLikePattern(string[] parts, bool ignoreCase)
    {
        _parts = parts;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>Compiles the pattern; returns null and the offending offset when it contains <c>**</c>.</summary>
    public static RqlLikePattern? TryCompile(string pattern, bool ignoreCase, out int errorOffset)
    {
        errorOffset = -1;
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var previousWasStar = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                current.Append('*');
                i++;
                previousWasStar = false;
            }
            else if (c == '*')
            {
                if (previousWasStar)
                {
                    errorOffset = i;
                    return null;
                }

                parts.Add(current.ToString());
                current.Clear();
                previousWasStar = true;
            }
            else
            {
                current.Append(c);
                previousWasStar = false;
            }
        }

        parts.Add(current.ToString());
        return new RqlLikePattern([.. parts], ignoreCase);
    }

    /// <summary>A pattern that matches any text containing <paramref name="term"/> literally.</summary>
    public static RqlLikePattern Contains(string term, bool ignoreCase) => new(["", term, ""], ignoreCase);

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var parts = _parts;
        if (parts.Length == 1)
        {
            return text.Equals(parts[0], _comparison);
        }

        var first = parts[0];
        var last = parts[^1];
        if (!text.StartsWith(first, _comparison))
        {
            return false;
        }

        var position = first.Length;
        var lastStart = text.Length - last.Length;
        if (lastStart < position || !text[lastStart..].Equals(last, _comparison))
        {
            return false;
        }

        for (var i = 1; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var found = text[position..lastStart].IndexOf(part, _comparison);
            if (found < 0)
            {
                return false;
            }

            position += found + part.Length;
        }

        return true;
    }
}
