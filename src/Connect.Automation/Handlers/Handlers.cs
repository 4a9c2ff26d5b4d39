using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>
/// Handles fulfillment requests for an engine registered with <c>AddFulfillmentAutomation&lt;THandler&gt;()</c>:
/// the DI alternative to subclassing <see cref="FulfillmentAutomation"/>. One instance per request (scoped).
/// </summary>
public interface IFulfillmentHandler
{
    /// <summary>Decides what to do with one request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="context">Helpers scoped to the request (parameters, notes, templates, tier configs, logger).</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result. Never <see langword="null"/>.</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, AutomationContext context, CancellationToken cancellationToken);
}

/// <summary>Handles tier config requests for an engine registered with <c>AddTierConfigAutomation&lt;THandler&gt;()</c>.</summary>
public interface ITierConfigHandler
{
    /// <summary>Decides what to do with one tier config request.</summary>
    /// <param name="request">The request, as listed.</param>
    /// <param name="context">Helpers scoped to the request.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result. Never <see langword="null"/>.</returns>
    Task<ProcessResult> HandleAsync(TierConfigRequest request, AutomationContext context, CancellationToken cancellationToken);
}

/// <summary>Handles usage files for an engine registered with <c>AddUsageFileAutomation&lt;THandler&gt;()</c>.</summary>
public interface IUsageFileHandler
{
    /// <summary>Decides what to do with one usage file.</summary>
    /// <param name="usageFile">The usage file, as listed.</param>
    /// <param name="context">Helpers scoped to the file.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>The result. Never <see langword="null"/>.</returns>
    Task<ProcessResult> HandleAsync(UsageFile usageFile, AutomationContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Reports the usage of listings for an engine registered with <c>AddUsageAutomation&lt;THandler&gt;()</c>. Submit
/// usage with <c>context.Client.SubmitUsageAsync(usageFile, records)</c> (Connect.Usage); throw
/// <see cref="SkipRequestException"/> to count a listing as skipped.
/// </summary>
public interface IUsageHandler
{
    /// <summary>Reports the usage of one listing.</summary>
    /// <param name="listing">The listing (contract, product, marketplace).</param>
    /// <param name="context">Helpers scoped to the listing.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled.</param>
    /// <returns>A task.</returns>
    Task HandleAsync(UsageListing listing, AutomationContext context, CancellationToken cancellationToken);
}
