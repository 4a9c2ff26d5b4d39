using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// Moves usage files through their workflow (the Python connect-sdk's <c>UsageFileAutomation</c>). Override
/// <see cref="ProcessRequestAsync"/> and return accept, reject, close, delete, submit or skip.
/// Default filters: <c>status=ready</c> and <c>product.id</c> in the configured products; set
/// <see cref="AutomationOptions.Query"/> (or override <c>Filters</c>) to see other statuses (e.g. <c>pending</c> for a provider).
/// </summary>
public abstract class UsageFileAutomation : AutomationEngine<UsageFile>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected UsageFileAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    private protected override string EngineName => nameof(UsageFileAutomation);

    /// <summary>Decides what to do with one usage file.</summary>
    /// <param name="usageFile">The usage file, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: accept, reject, close, delete, submit or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(UsageFile usageFile, CancellationToken cancellationToken);

    private protected override Query DefaultFilters()
    {
        var query = new Query();
        if (Products.Count > 0)
        {
            query.In("product.id", Products);
        }

        return query.Equal("status", UsageFileStatus.Ready);
    }

    private protected override IAsyncEnumerable<UsageFile> ListAsync(Query query, CancellationToken cancellationToken) =>
        Client.UsageFiles.ListAsync(query, cancellationToken);

    private protected override string IdOf(UsageFile item) =>
        item.Id ?? throw new InvalidOperationException("The API listed a usage file without an id.");

    private protected override string? StatusOf(UsageFile item) => item.Status;

    private protected override string TypeOf(UsageFile item) => "usage_file";

    private protected override ItemScope ScopeOf(UsageFile item) => new(
        ("UsageFileId", item.Id), ("UsageFileName", item.Name), ("ProductId", item.Product?.Id), ("ContractId", item.Contract?.Id));

    private protected override async Task<HandlerOutcome> InvokeHandlerAsync(UsageFile item, AutomationContext context, CancellationToken cancellationToken) =>
        new(await ProcessRequestAsync(item, cancellationToken).ConfigureAwait(false), false);

    private protected override bool Supports(ProcessAction action) =>
        action is ProcessAction.Accept or ProcessAction.Reject or ProcessAction.Close or ProcessAction.Delete or ProcessAction.Submit or ProcessAction.Skip;

    private protected override string TargetStatus(ProcessAction action) => action switch
    {
        ProcessAction.Accept => UsageFileStatus.Accepted,
        ProcessAction.Reject => UsageFileStatus.Rejected,
        ProcessAction.Close => UsageFileStatus.Closed,
        ProcessAction.Delete => UsageFileStatus.Deleted,
        ProcessAction.Submit => UsageFileStatus.Pending,
        _ => string.Empty,
    };

    private protected override async Task ExecuteAsync(UsageFile item, ProcessResult result, AutomationContext context, CancellationToken cancellationToken)
    {
        var id = IdOf(item);
        var files = Client.UsageFiles;
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

    private protected override async Task<string?> ReadStatusAsync(string id, CancellationToken cancellationToken) =>
        (await Client.UsageFiles.GetAsync(id, cancellationToken).ConfigureAwait(false)).Status;
}
