using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>An agreement.</summary>
public sealed partial class Agreement : ConnectModel, IIdentified
{
    private WireTimestamp _created;
    private WireTimestamp _updated;
    private WireTimestamp _versionCreated;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Agreement name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Agreement title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Agreement details (Markdown).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Agreement type: distribution, program, service.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Whether this version is active.</summary>
    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    /// <summary>Chronological version number.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    /// <summary>Number of contracts of this version.</summary>
    [JsonPropertyName("version_contracts")]
    public int? VersionContracts { get; set; }

    /// <summary>URL of the document.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; set; }

    /// <summary>User who created the version.</summary>
    [JsonPropertyName("author")]
    public User? Author { get; set; }

    /// <summary>Owner account.</summary>
    [JsonPropertyName("owner")]
    public Company? Owner { get; set; }

    /// <summary>Marketplace (distribution agreements).</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>Parent program agreement.</summary>
    [JsonPropertyName("parent")]
    public Agreement? Parent { get; set; }

    /// <summary>Distribution agreements of a program agreement.</summary>
    [JsonPropertyName("agreements")]
    public IList<Agreement>? Agreements { get; set; }

    /// <summary>Agreement statistics.</summary>
    [JsonPropertyName("stats")]
    public AgreementStats? Stats { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Date of the last change.</summary>
    [JsonIgnore]
    public DateTimeOffset? Updated { get => _updated.Value; set => _updated = _updated.With(value); }

    [JsonInclude, JsonPropertyName("updated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp UpdatedWire { get => _updated; set => _updated = value; }

    /// <summary>Version creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? VersionCreated { get => _versionCreated.Value; set => _versionCreated = _versionCreated.With(value); }

    [JsonInclude, JsonPropertyName("version_created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp VersionCreatedWire { get => _versionCreated; set => _versionCreated = value; }
}
