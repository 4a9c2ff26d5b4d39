using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A contract.</summary>
public sealed partial class Contract : ConnectModel, IIdentified
{
    private WireTimestamp _created;
    private WireTimestamp _updated;
    private WireTimestamp _enrolled;
    private WireTimestamp _versionCreated;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Contract name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Contract type: distribution, program, service, sourcing, ...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Contract status: enrolling, pending, active, terminated, rejected.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Contract version.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    /// <summary>Marketplace of the agreement.</summary>
    [JsonPropertyName("marketplace")]
    public Marketplace? Marketplace { get; set; }

    /// <summary>The agreement.</summary>
    [JsonPropertyName("agreement")]
    public Agreement? Agreement { get; set; }

    /// <summary>Owner company.</summary>
    [JsonPropertyName("owner")]
    public Company? Owner { get; set; }

    /// <summary>Creator.</summary>
    [JsonPropertyName("creator")]
    public User? Creator { get; set; }

    /// <summary>The user of the owner company who signed the contract.</summary>
    [JsonPropertyName("signee")]
    public User? Signee { get; set; }

    /// <summary>Activation information.</summary>
    [JsonPropertyName("activation")]
    public Activation? Activation { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Date of the last status update.</summary>
    [JsonIgnore]
    public DateTimeOffset? Updated { get => _updated.Value; set => _updated = _updated.With(value); }

    [JsonInclude, JsonPropertyName("updated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp UpdatedWire { get => _updated; set => _updated = value; }

    /// <summary>Enrolment date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Enrolled { get => _enrolled.Value; set => _enrolled = _enrolled.With(value); }

    [JsonInclude, JsonPropertyName("enrolled"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp EnrolledWire { get => _enrolled; set => _enrolled = value; }

    /// <summary>Version creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? VersionCreated { get => _versionCreated.Value; set => _versionCreated = _versionCreated.With(value); }

    [JsonInclude, JsonPropertyName("version_created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp VersionCreatedWire { get => _versionCreated; set => _versionCreated = value; }
}
