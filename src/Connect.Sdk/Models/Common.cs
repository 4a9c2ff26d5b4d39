// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A company (vendor, provider, owner account) within the platform.</summary>
public sealed partial class Company : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Company name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Icon path.</summary>
    [JsonPropertyName("icon")]
    public string? Icon { get; set; }
}

/// <summary>A user within the platform.</summary>
public sealed partial class User : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>User name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>User email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }
}

/// <summary>The date and user of one event.</summary>
public sealed partial class Event : ConnectModel
{
    private WireTimestamp _at;

    /// <summary>When the event occurred.</summary>
    [JsonIgnore]
    public DateTimeOffset? At { get => _at.Value; set => _at = _at.With(value); }

    [JsonInclude, JsonPropertyName("at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp AtWire { get => _at; set => _at = value; }

    /// <summary>The user that caused the event.</summary>
    [JsonPropertyName("by")]
    [JsonConverter(typeof(LenientObjectConverter<User>))]
    public User? By { get; set; }
}

/// <summary>The events that took place on an object, each with its date and user.</summary>
public sealed partial class Events : ConnectModel
{
    /// <summary>Creation event.</summary>
    [JsonPropertyName("created")]
    public Event? Created { get; set; }

    /// <summary>Update event.</summary>
    [JsonPropertyName("updated")]
    public Event? Updated { get; set; }

    /// <summary>Approve event.</summary>
    [JsonPropertyName("approved")]
    public Event? Approved { get; set; }

    /// <summary>Inquire event.</summary>
    [JsonPropertyName("inquired")]
    public Event? Inquired { get; set; }

    /// <summary>Pend event.</summary>
    [JsonPropertyName("pended")]
    public Event? Pended { get; set; }

    /// <summary>Pending event.</summary>
    [JsonPropertyName("pending")]
    public Event? Pending { get; set; }

    /// <summary>Accept event.</summary>
    [JsonPropertyName("accepted")]
    public Event? Accepted { get; set; }

    /// <summary>Reject event.</summary>
    [JsonPropertyName("rejected")]
    public Event? Rejected { get; set; }

    /// <summary>Close event.</summary>
    [JsonPropertyName("closed")]
    public Event? Closed { get; set; }

    /// <summary>Submit event.</summary>
    [JsonPropertyName("submitted")]
    public Event? Submitted { get; set; }

    /// <summary>Upload event.</summary>
    [JsonPropertyName("uploaded")]
    public Event? Uploaded { get; set; }

    /// <summary>Validation event.</summary>
    [JsonPropertyName("validated")]
    public Event? Validated { get; set; }

    /// <summary>Delete event.</summary>
    [JsonPropertyName("deleted")]
    public Event? Deleted { get; set; }

    /// <summary>Sign event.</summary>
    [JsonPropertyName("signed")]
    public Event? Signed { get; set; }

    /// <summary>Suspend event.</summary>
    [JsonPropertyName("suspended")]
    public Event? Suspended { get; set; }

    /// <summary>Resume event.</summary>
    [JsonPropertyName("resumed")]
    public Event? Resumed { get; set; }

    /// <summary>Cancel event.</summary>
    [JsonPropertyName("cancelled")]
    public Event? Cancelled { get; set; }
}

/// <summary>Activation information.</summary>
public sealed partial class Activation : ConnectModel
{
    private WireTimestamp _date;

    /// <summary>Activation link.</summary>
    [JsonPropertyName("link")]
    public string? Link { get; set; }

    /// <summary>Activation message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Activation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Date { get => _date.Value; set => _date = _date.With(value); }

    [JsonInclude, JsonPropertyName("date"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp DateWire { get => _date; set => _date = value; }
}
