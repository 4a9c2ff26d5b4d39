using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Processes fulfillment requests (the Python connect-sdk's <c>FulfillmentAutomation</c>). Override
/// <see cref="ProcessRequestAsync"/> and call <see cref="Automation{TItem}.ProcessAsync"/>.
/// Default filters: <c>status=pending</c> and <c>asset.product.id</c> in the configured products.
/// </summary>
/// <example><code>
/// sealed class MyFulfillment(ConnectClient client) : FulfillmentAutomation(client)
/// {
///     protected override Task&lt;ProcessResult&gt; ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken) =>
///         Task.FromResult(ProcessResult.Approve("TL-123-456-789"));
/// }
/// </code></example>
public abstract class FulfillmentAutomation : Automation<FulfillmentRequest>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected FulfillmentAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    /// <summary>Decides what to do with one request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: approve, inquire, fail or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the request's parameters (the Python connect-sdk's <c>update_parameters</c>): <c>PUT /requests/{id}</c>.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="params">Parameters to change.</param>
    /// <param name="note">Optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected Task UpdateParametersAsync(string requestId, IEnumerable<Param> @params, string? note = null, CancellationToken cancellationToken = default) =>
        Client.Requests.UpdateParametersAsync(requestId, @params, note, cancellationToken);

    private protected override Task<ProcessResult> HandleAsync(FulfillmentRequest item, CancellationToken cancellationToken) =>
        ProcessRequestAsync(item, cancellationToken);
}
