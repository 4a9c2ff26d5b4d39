namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>RejectUsageFile(note)</c>.</summary>
public sealed class RejectUsageFileException : AutomationOutcomeException
{
    /// <summary>Rejects with an empty note.</summary>
    public RejectUsageFileException()
        : base(string.Empty)
    {
    }

    /// <summary>Rejects with a note.</summary>
    /// <param name="message">Rejection note.</param>
    public RejectUsageFileException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Rejects with a note.</summary>
    /// <param name="message">Note.</param>
    /// <param name="innerException">Ignored.</param>
    public RejectUsageFileException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Reject(Message);
}
