using Connect.Sdk;
using Connect.Sdk.Models;

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

/// <summary>The Python connect-sdk's <c>InquireRequest(params)</c>: asks the customer to fix the given parameters.</summary>
public sealed class InquireRequestException : AutomationOutcomeException
{
    /// <summary>Inquires with parameters in error.</summary>
    /// <param name="params">Parameters with <c>value_error</c> set.</param>
    /// <param name="templateId">Optional inquire template.</param>
    public InquireRequestException(IEnumerable<Param> @params, string? templateId = null)
        : base("Inquire request")
    {
        ArgumentNullException.ThrowIfNull(@params);
        Params = @params.ToArray();
        TemplateId = templateId;
    }

    /// <summary>Not supported without parameters: inquire needs at least one parameter in error.</summary>
    public InquireRequestException()
        : this([])
    {
    }

    /// <summary>Not supported without parameters.</summary>
    /// <param name="message">Ignored.</param>
    public InquireRequestException(string message)
        : this([]) => _ = message;

    /// <summary>Not supported without parameters.</summary>
    /// <param name="message">Ignored.</param>
    /// <param name="innerException">Ignored.</param>
    public InquireRequestException(string message, Exception innerException)
        : this([]) => _ = (message, innerException);

    /// <summary>Parameters in error.</summary>
    public IReadOnlyList<Param> Params { get; }

    /// <summary>Optional inquire template id.</summary>
    public string? TemplateId { get; }

    /// <inheritdoc />
    public override ProcessResult Result => ProcessResult.Inquire(Params, TemplateId);
}

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
