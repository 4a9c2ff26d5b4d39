using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product download link.</summary>
public sealed partial class DownloadLink : ConnectModel
{
    /// <summary>Link title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Link URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Visibility: admin or user.</summary>
    [JsonPropertyName("visible_for")]
    public string? VisibleFor { get; set; }
}
