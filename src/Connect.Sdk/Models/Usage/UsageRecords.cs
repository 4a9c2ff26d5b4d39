using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Record counts of a usage file by validity.</summary>
public sealed partial class UsageRecords : ConnectModel
{
    /// <summary>Valid records.</summary>
    [JsonPropertyName("valid")]
    public int? Valid { get; set; }

    /// <summary>Invalid records.</summary>
    [JsonPropertyName("invalid")]
    public int? Invalid { get; set; }

    /// <summary>Closed records.</summary>
    [JsonPropertyName("closed")]
    public int? Closed { get; set; }
}
