using Connect.Sdk;
using Connect.Usage;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Reports usage (the Python connect-sdk's <c>UsageAutomation</c>): hands each listing to <see cref="ProcessRequestAsync"/>, which
/// typically builds usage records and calls <c>SubmitUsageAsync</c>. Default filters: <c>status=listed</c> and
/// <c>product.id</c> in the configured products. A listing whose handler returns normally counts as
/// <see cref="AutomationOutcome.Completed"/>; throw <see cref="SkipRequestException"/> to count it as skipped.
/// </summary>
public abstract class UsageAutomation : Automation<UsageListing>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected UsageAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    /// <summary>Reports the usage of one listing.</summary>
    /// <param name="listing">The listing (contract, product, marketplace).</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>A task.</returns>
    protected abstract Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken);

    /// <summary>
    /// Reports usage (the Python connect-sdk's <c>submit_usage</c>): validates and writes the records to a spreadsheet, creates the
    /// usage file, uploads it and, with <see cref="UsageSubmitOptions.Submit"/>, submits it. Delegates to
    /// <see cref="UsageReportingExtensions.SubmitUsageAsync(ConnectClient, UsageFile, IAsyncEnumerable{UsageRecord}, UsageSubmitOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="usageFile">The file's metadata: name, product id and contract id are required.</param>
    /// <param name="records">The records, streamed once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it.</returns>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The two overloads differ in the records' type (a sequence or an async stream); a call binds to one by its argument, as Connect.Usage's own pair does.")]
    protected Task<UsageFile> SubmitUsageAsync(
        UsageFile usageFile, IAsyncEnumerable<UsageRecord> records, UsageSubmitOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.SubmitUsageAsync(usageFile, records, options, cancellationToken);

    /// <summary>Reports usage from a synchronous sequence of records; see the asynchronous overload.</summary>
    /// <param name="usageFile">The file's metadata: name, product id and contract id are required.</param>
    /// <param name="records">The records, enumerated once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it.</returns>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "See the other overload.")]
    protected Task<UsageFile> SubmitUsageAsync(
        UsageFile usageFile, IEnumerable<UsageRecord> records, UsageSubmitOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.SubmitUsageAsync(usageFile, records, options, cancellationToken);

    private protected override async Task<ProcessResult> HandleAsync(UsageListing item, CancellationToken cancellationToken)
    {
        await ProcessRequestAsync(item, cancellationToken).ConfigureAwait(false);
        return ProcessResult.Complete();
    }
}
