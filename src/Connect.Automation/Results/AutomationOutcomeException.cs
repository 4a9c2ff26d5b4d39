namespace Connect.Automation;

/// <summary>
/// Base of the Python connect-sdk's flow-control exceptions. Throwing one from a handler is the same as returning its
/// <see cref="Result"/>; they exist so Python automations port line by line. Prefer returning a <see cref="ProcessResult"/>.
/// </summary>
public abstract class AutomationOutcomeException : Exception
{
    private protected AutomationOutcomeException(string message)
        : base(message)
    {
    }

    /// <summary>The result this exception stands for.</summary>
    public abstract ProcessResult Result { get; }
}
