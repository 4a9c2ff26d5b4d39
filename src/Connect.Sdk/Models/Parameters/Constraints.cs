using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Parameter constraints.</summary>
public sealed partial class Constraints : ConnectModel
{
    /// <summary>Whether the parameter is required.</summary>
    [JsonPropertyName("required")]
    public bool? Required { get; set; }

    /// <summary>Whether the parameter is hidden.</summary>
    [JsonPropertyName("hidden")]
    public bool? Hidden { get; set; }

    /// <summary>Whether the value must be unique.</summary>
    [JsonPropertyName("unique")]
    public bool? Unique { get; set; }

    /// <summary>Whether the parameter is used for reconciliation.</summary>
    [JsonPropertyName("reconciliation")]
    public bool? Reconciliation { get; set; }

    /// <summary>Hint text.</summary>
    [JsonPropertyName("hint")]
    public string? Hint { get; set; }

    /// <summary>Placeholder text.</summary>
    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; set; }

    /// <summary>Value choices.</summary>
    [JsonPropertyName("choices")]
    public IList<ValueChoice>? Choices { get; set; }
}
