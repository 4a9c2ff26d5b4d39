using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product family.</summary>
public sealed partial class ProductFamily : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Family name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
