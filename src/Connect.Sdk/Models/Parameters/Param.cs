using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A parameter of a product, asset, item, tier config or request.</summary>
public sealed partial class Param : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Parameter name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Parameter title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Parameter description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Type: text, dropdown, password, email, checkbox, subdomain, domain, phone, url, choice, object, ...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Scope: asset, item, tier1, tier2, product, ...</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>Phase: ordering, fulfillment or configuration.</summary>
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    private WireParamValue _value;

    /// <summary>
    /// Value. Connect sends a string; a number or boolean sent by another tool reads as its JSON text (<c>"42"</c>,
    /// <c>"true"</c>), and an object or array reads as <see langword="null"/> (see <see cref="ValueJson"/>). An
    /// unchanged value is written back in the JSON form it arrived in; a value set here is sent as a string.
    /// </summary>
    [JsonIgnore]
    public string? Value { get => _value.Text; set => _value = _value.With(value); }

    /// <summary>
    /// The <c>value</c> exactly as it arrived when it was not a JSON string (a number, boolean, object or array);
    /// <see langword="null"/> for strings, for a JSON <c>null</c> and for values set from code.
    /// </summary>
    [JsonIgnore]
    public JsonElement? ValueJson => _value.Raw;

    [JsonInclude, JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireParamValue ValueWire { get => _value; set => _value = value; }

    /// <summary>Error shown to the customer on inquiry.</summary>
    [JsonPropertyName("value_error")]
    public string? ValueError { get; set; }

    /// <summary>Structured value (address, phone, object).</summary>
    [JsonPropertyName("structured_value")]
    public JsonElement? StructuredValue { get; set; }

    /// <summary>Available choices.</summary>
    [JsonPropertyName("value_choices")]
    public IList<ValueChoice>? ValueChoices { get; set; }

    /// <summary>Constraints.</summary>
    [JsonPropertyName("constraints")]
    public Constraints? Constraints { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Marketplace.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }
}
