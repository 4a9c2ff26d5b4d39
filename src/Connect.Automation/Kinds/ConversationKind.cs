using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Fulfillment and tier config requests: both have parameters and a conversation, and take approve (template or tile),
/// inquire (parameters first), fail and skip. Only the resource they are written through differs.
/// </summary>
/// <typeparam name="TItem">The request type.</typeparam>
internal abstract class ConversationKind<TItem> : ItemKind<TItem>
    where TItem : class
{
    public override bool HasConversation => true;

    public override bool Supports(ProcessAction action) =>
        action is ProcessAction.Approve or ProcessAction.ApproveWithTile or ProcessAction.Inquire or ProcessAction.Fail or ProcessAction.Skip;

    // Fulfillment and tier config requests share their state machine: pending, inquiring, approved, failed.
    public override string TargetStatus(ProcessAction action) => action switch
    {
        ProcessAction.Approve or ProcessAction.ApproveWithTile => RequestStatus.Approved,
        ProcessAction.Inquire => RequestStatus.Inquiring,
        ProcessAction.Fail => RequestStatus.Failed,
        _ => string.Empty,
    };

    public override Func<IEnumerable<Param>, string?, CancellationToken, Task>? ParameterUpdater(ConnectClient client, string id) =>
        (parameters, note, ct) => UpdateParametersAsync(client, id, parameters, note, ct);

    public override async Task ExecuteAsync(ConnectClient client, string id, ProcessResult result, ItemContext context, CancellationToken cancellationToken)
    {
        switch (result.Action)
        {
            case ProcessAction.Approve:
                await ApproveAsync(client, id, result.TemplateId!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.ApproveWithTile:
                await ApproveWithTileAsync(client, id, result.Markdown!, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Inquire:
                await context.UpdateParametersAsync(result.Params, null, cancellationToken).ConfigureAwait(false);
                await InquireAsync(client, id, result.TemplateId, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Fail:
                await FailAsync(client, id, result.Message ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
            case ProcessAction.Skip:
                if (!string.IsNullOrWhiteSpace(result.Message))
                {
                    await context.AddNoteOnceAsync(result.Message, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                throw new InvalidOperationException($"{result.Action} is not an outcome of {Name}.");
        }
    }

    protected abstract Task UpdateParametersAsync(ConnectClient client, string id, IEnumerable<Param> parameters, string? note, CancellationToken cancellationToken);

    protected abstract Task ApproveAsync(ConnectClient client, string id, string templateId, CancellationToken cancellationToken);

    protected abstract Task ApproveWithTileAsync(ConnectClient client, string id, string markdown, CancellationToken cancellationToken);

    protected abstract Task InquireAsync(ConnectClient client, string id, string? templateId, CancellationToken cancellationToken);

    protected abstract Task FailAsync(ConnectClient client, string id, string reason, CancellationToken cancellationToken);
}
