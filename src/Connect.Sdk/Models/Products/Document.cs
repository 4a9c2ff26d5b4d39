using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product document.</summary>
public sealed partial class Document : ConnectModel
{
    /// <summary>Document title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Document URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
