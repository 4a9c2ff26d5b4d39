namespace Connect.Sdk.Models;

/// <summary>Conversation message types.</summary>
public static class ConversationMessageType
{
    /// <summary>A regular message.</summary>
    public const string Message = "message";
    /// <summary>A private note.</summary>
    public const string Private = "private";
    /// <summary>A state change recorded by the platform.</summary>
    public const string StateChange = "state_change";
}
