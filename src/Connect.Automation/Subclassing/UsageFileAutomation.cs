using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Moves usage files through their workflow (the Python connect-sdk's <c>UsageFileAutomation</c>). Override
/// <see cref="ProcessRequestAsync"/> and return accept, reject, close, delete, submit or skip.
/// Default filters: <c>status=ready</c> and <c>product.id</c> in the configured products; set
/// <see cref="AutomationOptions.Query"/> (or override <c>Filters</c>) to see other statuses (e.g. <c>pending</c> for a provider).
/// </summary>
public abstract class UsageFileAutomation : Automation<UsageFile>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected UsageFileAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    /// <summary>Decides what to do with one usage file.</summary>
    /// <param name="usageFile">The usage file, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: accept, reject, close, delete, submit or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(UsageFile usageFile, CancellationToken cancellationToken);

    private protected override Task<ProcessResult> HandleAsync(UsageFile item, CancellationToken cancellationToken) =>
        ProcessRequestAsync(item, cancellationToken);
}
