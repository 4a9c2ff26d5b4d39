namespace Connect.Automation;

/// <summary>
/// Decides what happens to one item of a kind: a fulfillment request, a tier config request, a usage file or a listing
/// (usage reporting). The one handler contract of the automation engines and the processor: run it with
/// <see cref="AutomationEngine{TItem}"/>, register it with <c>AddAutomation&lt;TItem, THandler&gt;()</c>, or register
/// one per request type in the processor (keyed services). Throwing is for faults; an outcome is returned.
/// </summary>
/// <typeparam name="TItem">
/// <see cref="Connect.Sdk.Models.FulfillmentRequest"/>, <see cref="Connect.Sdk.Models.TierConfigRequest"/>,
/// <see cref="Connect.Sdk.Models.UsageFile"/> or <see cref="Connect.Sdk.Models.UsageListing"/>.
/// </typeparam>
public interface IRequestHandler<in TItem>
    where TItem : class
{
    /// <summary>Decides what to do with one item.</summary>
    /// <param name="item">The item, as listed.</param>
    /// <param name="context">The client, the item's logger and services, and helpers scoped to the item.</param>
    /// <param name="cancellationToken">Cancelled when the run is cancelled (the processor: when the host stops hard).</param>
    /// <returns>
    /// The outcome the engine carries out: approve, inquire, fail or skip for requests; accept, reject, close, delete,
    /// submit or skip for usage files; <see cref="ProcessResult.Complete"/> or skip for listings. Never <see langword="null"/>.
    /// </returns>
    Task<ProcessResult> HandleAsync(TItem item, ItemContext context, CancellationToken cancellationToken);
}
