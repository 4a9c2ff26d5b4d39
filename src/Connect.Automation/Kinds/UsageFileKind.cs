using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Usage files: <c>/usage/files</c>, <c>ready</c> ones of the products by default (set <see cref="AutomationOptions.Query"/>
/// to see other statuses, e.g. <c>pending</c> for a provider). They take accept, reject, close, delete, submit and skip.
/// </summary>
internal sealed class UsageFileKind : ItemKind<UsageFile>
{
    public override string Name => nameof(UsageFileAutomation);

    public override Query DefaultFilters(IReadOnlyList<string> products) => Filter("product.id", products, UsageFileStatus.Ready);

    public override IAsyncEnumerable<UsageFile> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken) =>
        client.UsageFiles.ListAsync(query, cancellationToken);

    public override string IdOf(UsageFile item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a usage file without an id.");

    public override string? StatusOf(UsageFile item) => item.Status;

    public override string TypeOf(UsageFile item) => "usage_file";

    public override ItemScope ScopeOf(UsageFile item) => new(
        ("UsageFileId", item.Id), ("UsageFileName", item.Name), ("ProductId", item.Product?.Id), ("ContractId", item.Contract?.Id));

    public override bool Supports(ProcessAction action) =>
        action is ProcessAction.Accept or ProcessAction.Reject or ProcessAction.Close or ProcessAction.Delete or ProcessAction.Submit or ProcessAction.Skip;

    public override string TargetStatus(ProcessAction action) => action switch
    {
        ProcessAction.Accept => UsageFileStatus.Accepted,
        ProcessAction.Reject => UsageFileStatus.Rejected,
        ProcessAction.Close => UsageFileStatus.Closed,
        ProcessAction.Delete => UsageFileStatus.Deleted,
        ProcessAction.Submit => UsageFileStatus.Pending,
        _ => string.Empty,
    };

    public override async Task ExecuteAsync(ConnectClient client, string id, ProcessResult result, ItemContext context, CancellationToken cancellationToken)
    {
        var files = client.UsageFiles;
        _ = result.Action switch
        {
            ProcessAction.Accept => await files.AcceptAsync(id, result.Message ?? string.Empty, cancellationToken).ConfigureAwait(false),
            ProcessAction.Reject => await files.RejectAsync(id, result.Message ?? string.Empty, cancellationToken).ConfigureAwait(false),
            ProcessAction.Close => await files.CloseAsync(id, cancellationToken).ConfigureAwait(false),
            ProcessAction.Delete => await files.DeleteAsync(id, cancellationToken).ConfigureAwait(false),
            ProcessAction.Submit => await files.SubmitAsync(id, cancellationToken).ConfigureAwait(false),

            // Usage files have no conversation: a skip only logs its message.
            ProcessAction.Skip => null,
            _ => throw new InvalidOperationException($"{result.Action} is not a usage file outcome."),
        };
    }

    public override async Task<string?> ReadStatusAsync(ConnectClient client, string id, CancellationToken cancellationToken) =>
        (await client.UsageFiles.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
