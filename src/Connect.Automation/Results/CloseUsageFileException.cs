namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>CloseUsageFile</c> (the message is only logged).</summary>
public sealed class CloseUsageFileException : AutomationOutcomeException
{
    /// <summary>Closes.</summary>
    public CloseUsageFileException()
        : base(string.Empty)
    {
    }

    /// <summary>Closes; the message is logged.</summary>
    /// <param name="message">Message.</param>
    public CloseUsageFileException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Closes.</summary>
    /// <param name="message">Message.</param>
    /// <param name="innerException">Ignored.</param>
    public CloseUsageFileException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Close();
}
