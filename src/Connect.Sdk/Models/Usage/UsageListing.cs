using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A listing (an item of /listings): a product offered on a contract.</summary>
public sealed partial class UsageListing : ConnectModel, IIdentified
{
    private WireTimestamp _created;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Status (e.g. listed).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Contract.</summary>
    [JsonPropertyName("contract")]
    public Contract? Contract { get; set; }

    /// <summary>Product.</summary>
    [JsonPropertyName("product")]
    public Product? Product { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Vendor.</summary>
    [JsonPropertyName("vendor")]
    public Company? Vendor { get; set; }

    /// <summary>Provider.</summary>
    [JsonPropertyName("provider")]
    public Company? Provider { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }
}
