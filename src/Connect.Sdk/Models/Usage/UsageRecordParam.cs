using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A usage record parameter.</summary>
public sealed partial class UsageRecordParam : ConnectModel
{
    /// <summary>Parameter name.</summary>
    [JsonPropertyName("parameter_name")]
    public string? ParameterName { get; set; }

    /// <summary>Parameter value.</summary>
    [JsonPropertyName("parameter_value")]
    public string? ParameterValue { get; set; }
}
