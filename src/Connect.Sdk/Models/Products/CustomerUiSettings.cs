using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Customer UI settings of a product.</summary>
public sealed partial class CustomerUiSettings : ConnectModel
{
    /// <summary>Description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Getting started text.</summary>
    [JsonPropertyName("getting_started")]
    public string? GettingStarted { get; set; }

    /// <summary>Provisioning message.</summary>
    [JsonPropertyName("provisioning_message")]
    public string? ProvisioningMessage { get; set; }

    /// <summary>Documents.</summary>
    [JsonPropertyName("documents")]
    public IList<Document>? Documents { get; set; }

    /// <summary>Download links.</summary>
    [JsonPropertyName("download_links")]
    public IList<DownloadLink>? DownloadLinks { get; set; }
}
