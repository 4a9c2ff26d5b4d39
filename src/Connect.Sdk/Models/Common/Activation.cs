using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Activation information.</summary>
public sealed partial class Activation : ConnectModel
{
    private WireTimestamp _date;

    /// <summary>Activation link.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; set; }

    /// <summary>Activation message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Activation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Date { get => _date.Value; set => _date = _date.With(value); }

    [JsonInclude, JsonPropertyName("date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp DateWire { get => _date; set => _date = value; }
}
