namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>SubmitUsageFile</c> (the message is only logged).</summary>
public sealed class SubmitUsageFileException : AutomationOutcomeException
{
    /// <summary>Submits.</summary>
    public SubmitUsageFileException()
        : base(string.Empty)
    {
    }

    /// <summary>Submits; the message is logged.</summary>
    /// <param name="message">Message.</param>
    public SubmitUsageFileException(string message)
        : base(message ?? string.Empty)
    {
    }

    /// <summary>Submits.</summary>
    /// <param name="message">Message.</param>
    /// <param name="innerException">Ignored.</param>
    public SubmitUsageFileException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Submit();
}
