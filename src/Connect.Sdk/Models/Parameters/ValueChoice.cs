using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A value choice of a parameter.</summary>
public sealed partial class ValueChoice : ConnectModel
{
    private WireParamValue _value;

    /// <summary>
    /// Value. Connect sends a string; a number or boolean sent by another tool reads as its JSON text (<c>"42"</c>,
    /// <c>"true"</c>), and an object or array reads as <see langword="null"/> (see <see cref="ValueJson"/>). An
    /// unchanged value is written back in the JSON form it arrived in; a value set here is sent as a string.
    /// </summary>
    [JsonIgnore]
    public string? Value { get => _value.Text; set => _value = _value.With(value); }

    /// <summary>
    /// The <c>value</c> exactly as it arrived when it was not a JSON string (a number, boolean, object or array);
    /// <see langword="null"/> for strings, for a JSON <c>null</c> and for values set from code.
    /// </summary>
    [JsonIgnore]
    public JsonElement? ValueJson => _value.Raw;

    [JsonInclude, JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireParamValue ValueWire { get => _value; set => _value = value; }

    /// <summary>Label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }
}
