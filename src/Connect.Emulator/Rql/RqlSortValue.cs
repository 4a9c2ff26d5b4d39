using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

/// <summary>
/// A sort key extracted once per document: missing/null &lt; booleans &lt; numbers &lt; instants &lt; text &lt; objects.
/// Each value has exactly one class, so the order is total and the sort is consistent.
/// </summary>
internal readonly struct RqlSortValue
{
    private readonly int _rank;
    private readonly decimal _number;
    private readonly DateTimeOffset _instant;
    private readonly string? _text;

    private RqlSortValue(int rank, decimal number = 0, DateTimeOffset instant = default, string? text = null)
    {
        _rank = rank;
        _number = number;
        _instant = instant;
        _text = text;
    }

    public static RqlSortValue From(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node is null ? new RqlSortValue(0) : new RqlSortValue(5);
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return new RqlSortValue(1, number: 1);
            case JsonValueKind.False:
                return new RqlSortValue(1, number: 0);
            case JsonValueKind.Number:
                return RqlCompare.TryGetDecimal(value, out var n) ? new RqlSortValue(2, number: n) : new RqlSortValue(4, text: value.ToJsonString());
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (RqlValue.TryParseNumber(text, out var number))
                {
                    return new RqlSortValue(2, number: number);
                }

                return RqlValue.TryParseInstant(text, out var instant) ? new RqlSortValue(3, instant: instant) : new RqlSortValue(4, text: text);
            default:
                return new RqlSortValue(0);
        }
    }

    public int CompareTo(RqlSortValue other)
    {
        if (_rank != other._rank)
        {
            return _rank.CompareTo(other._rank);
        }

        return _rank switch
        {
            1 or 2 => _number.CompareTo(other._number),
            3 => _instant.CompareTo(other._instant),
            4 => string.CompareOrdinal(_text, other._text),
            _ => 0,
        };
    }
}
