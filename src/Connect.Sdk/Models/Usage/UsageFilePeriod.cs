using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The period a usage file covers.</summary>
public sealed partial class UsageFilePeriod : ConnectModel
{
    private WireTimestamp _from;
    private WireTimestamp _to;

    /// <summary>First day (sent as <c>yyyy-MM-dd</c>).</summary>
    [JsonIgnore]
    public DateTimeOffset? From { get => _from.Value; set => _from = _from.WithDate(value); }

    [JsonInclude, JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp FromWire { get => _from; set => _from = value; }

    /// <summary>Last day (sent as <c>yyyy-MM-dd</c>).</summary>
    [JsonIgnore]
    public DateTimeOffset? To { get => _to.Value; set => _to = _to.WithDate(value); }

    [JsonInclude, JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp ToWire { get => _to; set => _to = value; }
}
