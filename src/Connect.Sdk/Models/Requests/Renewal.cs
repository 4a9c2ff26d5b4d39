using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Renewal data of an item.</summary>
public sealed partial class Renewal : ConnectModel
{
    private WireTimestamp _from;
    private WireTimestamp _to;

    /// <summary>Start of the renewal period.</summary>
    [JsonIgnore]
    public DateTimeOffset? From { get => _from.Value; set => _from = _from.With(value); }

    [JsonInclude, JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp FromWire { get => _from; set => _from = value; }

    /// <summary>End of the renewal period.</summary>
    [JsonIgnore]
    public DateTimeOffset? To { get => _to.Value; set => _to = _to.With(value); }

    [JsonInclude, JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp ToWire { get => _to; set => _to = value; }

    /// <summary>Size of the renewal period.</summary>
    [JsonPropertyName("period_delta")]
    public int? PeriodDelta { get; set; }

    /// <summary>Unit of the renewal period: year, month, day, hour.</summary>
    [JsonPropertyName("period_uom")]
    public string? PeriodUom { get; set; }
}
