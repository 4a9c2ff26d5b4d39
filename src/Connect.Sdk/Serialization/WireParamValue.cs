using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Connect.Sdk;

/// <summary>
/// A parameter's <c>value</c> as it travels on the wire. Connect sends a string, but documents written by other
/// tools carry numbers, booleans or objects there. Callers see a string when the value has one (numbers and
/// booleans in their JSON text); the raw JSON is kept so an unchanged value is written back exactly as read.
/// </summary>
[JsonConverter(typeof(WireParamValueConverter))]
internal readonly struct WireParamValue : IEquatable<WireParamValue>
{
    internal WireParamValue(string? text, JsonElement? raw)
    {
        Text = text;
        Raw = raw;
        Present = true;
    }

    /// <summary>The string form: the string itself, or the JSON text of a number or boolean; null for null, objects and arrays.</summary>
    public string? Text { get; }

    /// <summary>The JSON value as read (null when the value was set from code or is a JSON null).</summary>
    public JsonElement? Raw { get; }

    public bool Present { get; }

    public static WireParamValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new WireParamValue(null, null),
        JsonValueKind.String => new WireParamValue(element.GetString(), null),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new WireParamValue(element.GetRawText(), element.Clone()),
        _ => new WireParamValue(null, element.Clone()),
    };

    /// <summary>Keeps the raw form while the string form is unchanged; a new value travels as a JSON string.</summary>
    public WireParamValue With(string? text) =>
        Present && string.Equals(Text, text, StringComparison.Ordinal) ? this
        : text is null ? default
        : new WireParamValue(text, null);

    /// <summary>The value as a JSON node for an update body (the raw form when there is one), or null when absent.</summary>
    public JsonNode? ToNode() =>
        Raw is { } raw ? JsonNode.Parse(raw.GetRawText())
        : Text is not null ? JsonValue.Create(Text)
        : null;

    public bool Equals(WireParamValue other) =>
        Present == other.Present && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Raw.HasValue == other.Raw.HasValue
        && (!Raw.HasValue || string.Equals(Raw.Value.GetRawText(), other.Raw!.Value.GetRawText(), StringComparison.Ordinal));

    public override bool Equals(object? obj) => obj is WireParamValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Present, Text, Raw.HasValue);
}

/// <summary>Reads any JSON value into a <see cref="WireParamValue"/> and writes back the form it read.</summary>
internal sealed class WireParamValueConverter : JsonConverter<WireParamValue>
{
    public override bool HandleNull => true;

    public override WireParamValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Strings and nulls (nearly every value) straight from the reader; numbers, booleans, objects and arrays keep
        // their raw JSON.
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new WireParamValue(reader.GetString(), null);
            case JsonTokenType.Null:
                return new WireParamValue(null, null);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return WireParamValue.FromElement(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, WireParamValue value, JsonSerializerOptions options)
    {
        if (value.Raw is { } raw)
        {
            raw.WriteTo(writer);
        }
        else if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
