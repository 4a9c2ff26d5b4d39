using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A product category.</summary>
public sealed partial class ProductCategory : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Category name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Parent category.</summary>
    [JsonPropertyName("parent")]
    public ProductCategory? Parent { get; set; }

    /// <summary>Child categories.</summary>
    [JsonPropertyName("children")]
    public IList<ProductCategory>? Children { get; set; }

    /// <summary>Product family.</summary>
    [JsonPropertyName("family")]
    public ProductFamily? Family { get; set; }
}
