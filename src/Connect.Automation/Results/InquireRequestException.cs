using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>The Python connect-sdk's <c>InquireRequest(params)</c>: asks the customer to fix the given parameters.</summary>
public sealed class InquireRequestException : AutomationOutcomeException
{
    /// <summary>Inquires with parameters in error.</summary>
    /// <param name="params">Parameters with <c>value_error</c> set.</param>
    public InquireRequestException(IEnumerable<Param> @params)
        : this(@params, null)
    {
    }

    /// <summary>Inquires with parameters in error and an inquire template.</summary>
    /// <param name="params">Parameters with <c>value_error</c> set.</param>
    /// <param name="templateId">Inquire template id; none when <see langword="null"/>.</param>
    public InquireRequestException(IEnumerable<Param> @params, string? templateId)
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
