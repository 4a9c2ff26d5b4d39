using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Record counts of a usage file by state.</summary>
public sealed partial class UsageStats : ConnectModel
{
    /// <summary>Uploaded records.</summary>
    [JsonPropertyName("uploaded")]
    public int? Uploaded { get; set; }

    /// <summary>Validated records.</summary>
    [JsonPropertyName("validated")]
    public int? Validated { get; set; }

    /// <summary>Pending records.</summary>
    [JsonPropertyName("pending")]
    public int? Pending { get; set; }

    /// <summary>Accepted records.</summary>
    [JsonPropertyName("accepted")]
    public int? Accepted { get; set; }

    /// <summary>Closed records.</summary>
    [JsonPropertyName("closed")]
    public int? Closed { get; set; }

    /// <summary>Billed records.</summary>
    [JsonPropertyName("billed")]
    public int? Billed { get; set; }
}
