using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// The outcome a handler returns for one item. Create it with the static factories; there is deliberately no
/// "none" result: a handler that returns <see langword="null"/> is an error for that item, never an approval.
/// </summary>
public sealed class ProcessResult
{
    private ProcessResult(ProcessAction action)
    {
        Action = action;
    }

    /// <summary>The action to carry out.</summary>
    public ProcessAction Action { get; }

    /// <summary>Activation or inquire template id (<see cref="ProcessAction.Approve"/>, optionally <see cref="ProcessAction.Inquire"/>).</summary>
    public string? TemplateId { get; private init; }

    /// <summary>Activation tile Markdown (<see cref="ProcessAction.ApproveWithTile"/>).</summary>
    public string? Markdown { get; private init; }

    /// <summary>Parameters in error, each with its <c>value_error</c> (<see cref="ProcessAction.Inquire"/>).</summary>
    public IReadOnlyList<Param> Params { get; private init; } = [];

    /// <summary>Fail reason, skip message, or accept/reject note.</summary>
    public string? Message { get; private init; }

    /// <summary>Approves a request with an activation template.</summary>
    /// <param name="templateId">Template id (<c>TL-...</c>).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="templateId"/> is empty.</exception>
    public static ProcessResult Approve(string templateId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        return new(ProcessAction.Approve) { TemplateId = templateId };
    }

    /// <summary>Approves a request with an activation tile (the Python connect-sdk's <c>ActivationTileResponse</c>). The Markdown is sent as is.</summary>
    /// <param name="markdown">Tile contents.</param>
    /// <returns>The result.</returns>
    public static ProcessResult ApproveWithTile(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return new(ProcessAction.ApproveWithTile) { Markdown = markdown };
    }

    /// <summary>
    /// Inquires: the engine first updates the parameters (their <c>value_error</c>, and <c>value</c> if set), then calls inquire.
    /// </summary>
    /// <param name="paramsInError">Parameters with <see cref="Param.ValueError"/> set; at least one.</param>
    /// <param name="templateId">Optional inquire template id (fulfillment requests only).</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">No parameter, or a parameter without id.</exception>
    public static ProcessResult Inquire(IEnumerable<Param> paramsInError, string? templateId = null)
    {
        ArgumentNullException.ThrowIfNull(paramsInError);
        var list = paramsInError.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Inquire needs at least one parameter in error.", nameof(paramsInError));
        }

        if (list.Any(p => p is null || string.IsNullOrWhiteSpace(p.Id)))
        {
            throw new ArgumentException("Every parameter in error needs an id.", nameof(paramsInError));
        }

        return new(ProcessAction.Inquire) { Params = list, TemplateId = templateId };
    }

    /// <summary>Fails the request (terminal); the reason is shown to the customer.</summary>
    /// <param name="reason">Reason.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Fail(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new(ProcessAction.Fail) { Message = reason };
    }

    /// <summary>
    /// Skips the item: nothing changes on Connect. With a message, the message is posted to the request's
    /// conversation unless it is already its last message (so it is not repeated on every run).
    /// </summary>
    /// <param name="reason">Optional message.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Skip(string? reason = null) => new(ProcessAction.Skip) { Message = reason };

    /// <summary>Accepts a usage file (provider) with a note.</summary>
    /// <param name="note">Acceptance note.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Accept(string note) => new(ProcessAction.Accept) { Message = note ?? string.Empty };

    /// <summary>Rejects a usage file (provider) with a note.</summary>
    /// <param name="note">Rejection note.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Reject(string note) => new(ProcessAction.Reject) { Message = note ?? string.Empty };

    /// <summary>Closes a usage file.</summary>
    /// <returns>The result.</returns>
    public static ProcessResult Close() => new(ProcessAction.Close);

    /// <summary>Deletes a usage file.</summary>
    /// <returns>The result.</returns>
    public static ProcessResult Delete() => new(ProcessAction.Delete);

    /// <summary>Submits a usage file to the provider.</summary>
    /// <returns>The result.</returns>
    public static ProcessResult Submit() => new(ProcessAction.Submit);

    /// <summary>
    /// The handler did the work itself and nothing is left to carry out: a listing whose usage it reported (counted as
    /// <see cref="AutomationOutcome.Completed"/>).
    /// </summary>
    /// <returns>The result.</returns>
    public static ProcessResult Complete() => new(ProcessAction.Complete);

    /// <inheritdoc />
    public override string ToString() => Action switch
    {
        ProcessAction.Approve => $"Approve({TemplateId})",
        ProcessAction.Inquire => $"Inquire({string.Join(',', Params.Select(p => p.Id))})",
        ProcessAction.Fail or ProcessAction.Skip or ProcessAction.Accept or ProcessAction.Reject => $"{Action}({Message})",
        _ => Action.ToString(),
    };
}
