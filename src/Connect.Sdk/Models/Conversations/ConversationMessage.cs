using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A message of a conversation.</summary>
public sealed partial class ConversationMessage : ConnectModel, IIdentified
{
    private WireTimestamp _created;

    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Conversation id.</summary>
    [JsonPropertyName("conversation")]
    public string? Conversation { get; set; }

    /// <summary>Author account.</summary>
    [JsonPropertyName("account")]
    public Company? Account { get; set; }

    /// <summary>Creation date.</summary>
    [JsonIgnore]
    public DateTimeOffset? Created { get => _created.Value; set => _created = _created.With(value); }

    [JsonInclude, JsonPropertyName("created"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WireTimestamp CreatedWire { get => _created; set => _created = value; }

    /// <summary>Author.</summary>
    [JsonPropertyName("creator")]
    public User? Creator { get; set; }

    /// <summary>Text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Type: message, private or state_change.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
