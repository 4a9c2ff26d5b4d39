namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>DeleteUsageFile</c> (the message is only logged).</summary>
public sealed class DeleteUsageFileException : AutomationOutcomeException
{
    /// <summary>Deletes.</summary>
    public DeleteUsageFileException()
        : base(string.Empty)
    {
    }

    /// <summary>Deletes; the message is logged.</summary>
    /// <param name="message">Message.</param>
    public DeleteUsageFileException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Deletes.</summary>
    /// <param name="message">Message.</param>
    /// <param name="innerException">Ignored.</param>
    public DeleteUsageFileException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Delete();
}
