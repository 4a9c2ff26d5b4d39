namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>FailRequest</c>: fails the request with <see cref="Exception.Message"/> as the reason.</summary>
public sealed class FailRequestException : AutomationOutcomeException
{
    /// <summary>Fails with the Python connect-sdk's default message.</summary>
    public FailRequestException()
        : this("Request failed")
    {
    }

    /// <summary>Fails with a reason.</summary>
    /// <param name="message">Reason shown to the customer.</param>
    public FailRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Not supported: an outcome has no inner exception.</summary>
    /// <param name="message">Reason.</param>
    /// <param name="innerException">Ignored cause.</param>
    public FailRequestException(string message, Exception innerException)
        : this(message) => _ = innerException;

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Fail(Message);
}
