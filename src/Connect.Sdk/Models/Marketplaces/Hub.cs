using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A hub (the e-commerce system behind a connection).</summary>
public sealed partial class Hub : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Hub name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Hub description (Markdown).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The company the hub belongs to.</summary>
    [JsonPropertyName("company")]
    public Company? Company { get; set; }

    /// <summary>Events on the hub.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Hub instance.</summary>
    [JsonPropertyName("instance")]
    public HubInstance? Instance { get; set; }

    /// <summary>Hub stats.</summary>
    [JsonPropertyName("stats")]
    public HubStats? Stats { get; set; }
}
