namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>AcceptUsageFile(note)</c>.</summary>
public sealed class AcceptUsageFileException : AutomationOutcomeException
{
    /// <summary>Accepts with an empty note.</summary>
    public AcceptUsageFileException()
        : base(string.Empty)
    {
    }

    /// <summary>Accepts with a note.</summary>
    /// <param name="message">Acceptance note.</param>
    public AcceptUsageFileException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Accepts with a note.</summary>
    /// <param name="message">Note.</param>
    /// <param name="innerException">Ignored.</param>
    public AcceptUsageFileException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Accept(Message);
}
