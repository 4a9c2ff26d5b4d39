using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

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
