using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The date and user of one event.</summary>
public sealed partial class Event : ConnectModel
{
    private WireTimestamp _at;

    /// <summary>When the event occurred.</summary>
    [JsonIgnore]
    public DateTimeOffset? At { get => _at.Value; set => _at = _at.With(value); }

    [JsonInclude, JsonPropertyName("at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp AtWire { get => _at; set => _at = value; }

    /// <summary>The user that caused the event.</summary>
    [JsonPropertyName("by")]
    [JsonConverter(typeof(LenientObjectConverter<User>))]
    public User? By { get; set; }
}
