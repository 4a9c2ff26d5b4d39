using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Processes tier config requests (the Python connect-sdk's <c>TierConfigAutomation</c>). Override <see cref="ProcessRequestAsync"/>.
/// Default filters: <c>status=pending</c> and <c>configuration.product.id</c> in the configured products.
/// Approve sends <c>{"template":{"id"}}</c> (a tile, <c>{"template":{"representation"}}</c>); inquire updates the
/// parameters then calls inquire; fail sends the reason.
/// </summary>
public abstract class TierConfigAutomation : Automation<TierConfigRequest>
{
    /// <summary>Creates the engine.</summary>
    /// <param name="client">Connect client.</param>
    /// <param name="options">Run settings (copied and validated).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    protected TierConfigAutomation(ConnectClient client, AutomationOptions? options = null, ILogger? logger = null)
        : base(client, options, logger)
    {
    }

    /// <summary>Decides what to do with one tier config request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result: approve, inquire, fail or skip. Never <see langword="null"/>.</returns>
    protected abstract Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the request's parameters (the Python connect-sdk's <c>update_parameters</c>): <c>PUT /tier/config-requests/{id}</c>.</summary>
    /// <param name="requestId">Request id.</param>
    /// <param name="params">Parameters to change.</param>
    /// <param name="notes">Optional notes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected Task UpdateParametersAsync(string requestId, IEnumerable<Param> @params, string? notes = null, CancellationToken cancellationToken = default) =>
        Client.TierConfigRequests.UpdateParametersAsync(requestId, @params, notes, cancellationToken);

    private protected override Task<ProcessResult> HandleAsync(TierConfigRequest item, CancellationToken cancellationToken) =>
        ProcessRequestAsync(item, cancellationToken);
}
