using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

/// <summary>
/// The comparison semantics shared by filters and sorting. The emulator has no per-field type information, so the
/// pair decides: two numbers (JSON numbers or numeric strings such as quantities "3") compare numerically, two ISO
/// dates/date-times compare as instants, booleans against <c>true</c>/<c>false</c>, anything else ordinally as text.
/// </summary>
internal static class RqlCompare
{
    /// <summary>True when a document scalar equals a text constant.</summary>
    public static bool ValueEquals(JsonValue value, RqlValue constant)
    {
        if (constant.IsPlainText)
        {
            // Hot path (eq(status,pending) over many documents): no number/date parsing, no string allocation.
            if (value.TryGetValue<JsonElement>(out var element))
            {
                return element.ValueKind switch
                {
                    JsonValueKind.String => element.ValueEquals(constant.Text),
                    JsonValueKind.Number => string.Equals(element.GetRawText(), constant.Text, StringComparison.Ordinal),
                    _ => TryCompare(value, constant, out var r) && r == 0,
                };
            }

            if (value.TryGetValue<string>(out var text))
            {
                return string.Equals(text, constant.Text, StringComparison.Ordinal);
            }
        }

        return TryCompare(value, constant, out var result) && result == 0;
    }

    /// <summary>Compares a document scalar with a text constant; false when the value is not a scalar.</summary>
    public static bool TryCompare(JsonValue value, RqlValue constant, out int result)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (constant.Number is { } number && RqlValue.TryParseNumber(text, out var parsed))
                {
                    result = parsed.CompareTo(number);
                    return true;
                }

                if (constant.Instant is { } instant && RqlValue.TryParseInstant(text, out var parsedInstant))
                {
                    result = parsedInstant.CompareTo(instant);
                    return true;
                }

                result = Math.Sign(string.CompareOrdinal(text, constant.Text));
                return true;
            case JsonValueKind.Number:
                if (constant.Number is { } constantNumber && TryGetDecimal(value, out var documentNumber))
                {
                    result = documentNumber.CompareTo(constantNumber);
                    return true;
                }

                result = Math.Sign(string.CompareOrdinal(value.ToJsonString(), constant.Text));
                return true;
            case JsonValueKind.True:
            case JsonValueKind.False:
                var flag = value.GetValueKind() == JsonValueKind.True;
                if (constant.Boolean is { } constantFlag)
                {
                    result = flag.CompareTo(constantFlag);
                    return true;
                }

                result = Math.Sign(string.CompareOrdinal(flag ? "true" : "false", constant.Text));
                return true;
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>The text a scalar is matched as by <c>like</c>/<c>ilike</c>/<c>search</c>; null for non-scalars.</summary>
    public static string? TextOf(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool TryGetDecimal(JsonValue value, out decimal number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        return RqlValue.TryParseNumber(value.ToJsonString(), out number);
    }
}
