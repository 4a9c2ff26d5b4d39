using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A conversation attached to an object (a request, a tier config request, ...).</summary>
public sealed partial class Conversation : ConnectModel, IIdentified
{
    private WireTimestamp _created;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Id of the object the conversation is about.</summary>
    [JsonPropertyName("instance_id")]
    public string? InstanceId { get; set; }

    /// <summary>Topic.</summary>
    [JsonPropertyName("topic")]
    public string? Topic { get; set; }

    /// <summary>Type: conversation or notes.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Status: open or closed.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Creator.</summary>
    [JsonPropertyName("creator")]
    public User? Creator { get; set; }

    /// <summary>Accounts taking part.</summary>
    [JsonPropertyName("accounts")]
    public IList<Company>? Accounts { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }

    /// <summary>Messages (embedded by older API versions; use ListMessagesAsync).</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }
}
