namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>SkipRequest</c>: leaves the item as it is; a non-empty message is posted once.</summary>
public sealed class SkipRequestException : AutomationOutcomeException
{
    /// <summary>Skips without a message.</summary>
    public SkipRequestException()
        : base(string.Empty)
    {
    }

    /// <summary>Skips with a message.</summary>
    /// <param name="message">Message for the conversation.</param>
    public SkipRequestException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Skips with a message.</summary>
    /// <param name="message">Message.</param>
    /// <param name="innerException">Ignored cause.</param>
    public SkipRequestException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Skip(string.IsNullOrEmpty(Message) ? null : Message);
}
