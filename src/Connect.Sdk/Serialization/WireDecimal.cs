using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk;

/// <summary>
/// A decimal as it travels on the wire: Connect sends quantities as JSON strings (<c>"3"</c>) in some documents
/// and as numbers in others. Callers see a <see cref="decimal"/>; the raw form is kept for a faithful write-back.
/// </summary>
[JsonConverter(typeof(WireDecimalConverter))]
internal readonly struct WireDecimal : IEquatable<WireDecimal>
{
    public WireDecimal(decimal? value, string? raw, bool asString)
    {
        Value = value;
        Raw = raw;
        AsString = asString;
        Present = true;
    }

    public decimal? Value { get; }

    public string? Raw { get; }

    /// <summary>True when the value travels as a JSON string.</summary>
    public bool AsString { get; }

    public bool Present { get; }

    /// <summary>Returns a wire value for <paramref name="value"/>, keeping the raw text when the value did not change
    /// and the string-or-number form in any case.</summary>
    public WireDecimal With(decimal? value, bool asStringByDefault) =>
        Present && Value == value ? this
        : value is null ? default
        : new WireDecimal(value, null, Present ? AsString : asStringByDefault);

    public bool Equals(WireDecimal other) =>
        Present == other.Present && Value == other.Value && AsString == other.AsString
        && string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is WireDecimal other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Present, Value, Raw, AsString);
}

/// <summary>Reads a number or a numeric string into a decimal and writes back the form it read.</summary>
internal sealed class WireDecimalConverter : JsonConverter<WireDecimal>
{
    public override bool HandleNull => true;

    public override WireDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new WireDecimal(null, null, false);
            case JsonTokenType.Number:
                var raw = reader.HasValueSequence
                    ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                    : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                if (!reader.TryGetDecimal(out var number))
                {
                    throw new JsonException($"The number {raw} does not fit a decimal.");
                }

                return new WireDecimal(number, raw, false);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text.Length == 0)
                {
                    return new WireDecimal(null, text, true);
                }

                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    throw new JsonException($"'{text}' is not a number.");
                }

                return new WireDecimal(parsed, text, true);
            default:
                throw new JsonException($"Expected a number or a numeric string, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, WireDecimal value, JsonSerializerOptions options)
    {
        if (value.Raw is not null)
        {
            if (value.AsString)
            {
                writer.WriteStringValue(value.Raw);
            }
            else
            {
                writer.WriteRawValue(value.Raw, skipInputValidation: true);
            }
        }
        else if (value.Value is { } v)
        {
            if (value.AsString)
            {
                writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumberValue(v);
            }
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
