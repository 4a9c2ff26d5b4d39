using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A template (activation, inquiry or pending tile; or a tier template).</summary>
public sealed partial class Template : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Template name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Template title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Template body (Markdown).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Rendered representation.</summary>
    [JsonPropertyName("representation")]
    public string? Representation { get; set; }

    /// <summary>Scope: asset, tier1 or tier2.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>Type: fulfillment, inquire or pending.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Position.</summary>
    [JsonPropertyName("position")]
    public int? Position { get; set; }

    /// <summary>Template events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
