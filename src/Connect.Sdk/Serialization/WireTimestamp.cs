using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk;

/// <summary>
/// A timestamp as it travels on the wire. The parsed value is what callers see; the raw text is kept so a
/// document read from Connect is written back byte-for-byte (the API mixes <c>+00:00</c>, <c>Z</c>,
/// microseconds and date-only forms).
/// </summary>
[JsonConverter(typeof(WireTimestampConverter))]
internal readonly struct WireTimestamp : IEquatable<WireTimestamp>
{
    public WireTimestamp(DateTimeOffset? value, string? raw)
    {
        Value = value;
        Raw = raw;
        Present = true;
    }

    public DateTimeOffset? Value { get; }

    public string? Raw { get; }

    /// <summary>False for the default value: the field was absent and is not written.</summary>
    public bool Present { get; }

    /// <summary>Returns a wire value for <paramref name="value"/>, keeping the raw text when the value did not change.</summary>
    public WireTimestamp With(DateTimeOffset? value) =>
        Present && Nullable.Equals(Value, value) ? this : value is null ? default : new WireTimestamp(value, null);

    /// <summary>Like <see cref="With"/>, but a new value is written as a date only (<c>yyyy-MM-dd</c>), for API fields of format <c>date</c>.</summary>
    public WireTimestamp WithDate(DateTimeOffset? value) =>
        Present && Nullable.Equals(Value, value) ? this
        : value is { } v ? new WireTimestamp(new DateTimeOffset(v.Date, v.Offset), v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : default;

    public bool Equals(WireTimestamp other) =>
        Present == other.Present && Nullable.Equals(Value, other.Value) && string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is WireTimestamp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Present, Value, Raw);

    internal static bool TryParse(string text, out DateTimeOffset value)
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out value))
        {
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value);
    }
}

/// <summary>Reads a timestamp in any ISO 8601 form Connect sends and writes back the form it read.</summary>
internal sealed class WireTimestampConverter : JsonConverter<WireTimestamp>
{
    public override bool HandleNull => true;

    public override WireTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new WireTimestamp(null, null);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        if (text.Length == 0)
        {
            return new WireTimestamp(null, text);
        }

        // Fast path: the ISO 8601 form Connect sends most (an explicit offset or Z, at most 7 fraction digits) is
        // parsed by the reader itself; anything else goes through the lenient parser below.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && IsOffsetForm(reader.ValueSpan) && reader.TryGetDateTimeOffset(out var fast))
        {
            return new WireTimestamp(fast, text);
        }

        if (!WireTimestamp.TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
        }

        return new WireTimestamp(value, text);
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss[.f{1,7}](Z|±hh:mm)</c>: the forms the reader parses exactly as the lenient parser does.</summary>
    internal static bool IsOffsetForm(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || text[10] != (byte)'T')
        {
            return false;
        }

        int end;
        if (text[^1] == (byte)'Z')
        {
            end = text.Length - 1;
        }
        else if (text.Length >= 25 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':')
        {
            end = text.Length - 6;
        }
        else
        {
            return false;
        }

        // Seconds are at 17-18; what follows up to the offset is either nothing or a fraction of 1-7 digits.
        if (end == 19)
        {
            return true;
        }

        return text[19] == (byte)'.' && end - 20 is >= 1 and <= 7;
    }

    public override void Write(Utf8JsonWriter writer, WireTimestamp value, JsonSerializerOptions options)
    {
        if (value.Raw is not null)
        {
            writer.WriteStringValue(value.Raw);
        }
        else if (value.Value is { } v)
        {
            writer.WriteStringValue(v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
