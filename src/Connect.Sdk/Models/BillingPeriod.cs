using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The period a <see cref="BillingRequest"/> charges for.</summary>
public sealed partial class BillingPeriod : ConnectModel
{
    /// <summary>Start of the period (ISO 8601 text, as sent).</summary>
    [JsonPropertyName("from")]
    public string? From { get; set; }

    /// <summary>End of the period (ISO 8601 text, as sent).</summary>
    [JsonPropertyName("to")]
    public string? To { get; set; }

    /// <summary>Length of the period in <see cref="Uom"/> units.</summary>
    [JsonPropertyName("delta")]
    public decimal? Delta { get; set; }

    /// <summary>Unit of the period: <c>monthly</c>, <c>yearly</c>, <c>years_2</c> ... <c>years_6</c>.</summary>
    [JsonPropertyName("uom")]
    public string? Uom { get; set; }
}
