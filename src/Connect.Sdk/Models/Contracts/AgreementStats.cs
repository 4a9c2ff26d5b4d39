using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Agreement statistics.</summary>
public sealed partial class AgreementStats : ConnectModel
{
    /// <summary>Number of contracts.</summary>
    [JsonPropertyName("contracts")]
    public int? Contracts { get; set; }

    /// <summary>Number of versions.</summary>
    [JsonPropertyName("versions")]
    public int? Versions { get; set; }
}
