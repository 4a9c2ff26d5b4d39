using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Pay-per-use capability.</summary>
public sealed partial class PpuCapability : ConnectModel
{
    /// <summary>Usage schema: QT, TR, PR or CR.</summary>
    [JsonPropertyName("schema")]
    public string? Schema { get; set; }

    /// <summary>Whether dynamic items are allowed.</summary>
    [JsonPropertyName("dynamic")]
    public bool? Dynamic { get; set; }

    /// <summary>Whether future usage is allowed.</summary>
    [JsonPropertyName("future")]
    public bool? Future { get; set; }
}
