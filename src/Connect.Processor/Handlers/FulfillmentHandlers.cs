using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>
/// Processes pending <c>purchase</c> requests (the Python Processor SDK template's <c>purchase.py</c>): create the subscription in the vendor
/// system, save fulfillment parameters, approve with the activation template, or fail/inquire.
/// </summary>
public interface IPurchaseHandler
{
    /// <summary>Decides what happens to one pending purchase request.</summary>
    /// <param name="request">The request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard (after the shutdown timeout).</param>
    /// <returns>The outcome the processor applies (approve, inquire, fail or skip).</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}

/// <summary>Processes pending <c>change</c> requests (items or quantities changed; the Python Processor SDK template's <c>change.py</c>).</summary>
public interface IChangeHandler
{
    /// <summary>Decides what happens to one pending change request.</summary>
    /// <param name="request">The request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard.</param>
    /// <returns>The outcome the processor applies.</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}

/// <summary>Processes pending <c>cancel</c> requests (subscription termination; the Python Processor SDK template's <c>cancel.py</c>).</summary>
public interface ICancelHandler
{
    /// <summary>Decides what happens to one pending cancel request.</summary>
    /// <param name="request">The request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard.</param>
    /// <returns>The outcome the processor applies.</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}

/// <summary>Processes pending <c>suspend</c> requests (administrative hold; the Python Processor SDK template's <c>suspend.py</c>).</summary>
public interface ISuspendHandler
{
    /// <summary>Decides what happens to one pending suspend request.</summary>
    /// <param name="request">The request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard.</param>
    /// <returns>The outcome the processor applies.</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}

/// <summary>Processes pending <c>resume</c> requests (end of an administrative hold; the Python Processor SDK template's <c>resume.py</c>).</summary>
public interface IResumeHandler
{
    /// <summary>Decides what happens to one pending resume request.</summary>
    /// <param name="request">The request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard.</param>
    /// <returns>The outcome the processor applies.</returns>
    Task<ProcessResult> HandleAsync(FulfillmentRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}

/// <summary>
/// Processes pending tier config requests (the Python Processor SDK template's <c>tier_fulfillment.py</c>, e.g. reseller account creation).
/// When one is registered, tier config requests are processed before fulfillment requests in every pass. (Named apart
/// from <see cref="Connect.Automation.ITierConfigHandler"/>, the automation engine's handler, which gets an
/// <see cref="AutomationContext"/>, so that both namespaces can be imported together.)
/// </summary>
public interface ITierConfigRequestHandler
{
    /// <summary>Decides what happens to one pending tier config request.</summary>
    /// <param name="request">The tier config request, as fetched.</param>
    /// <param name="context">Client, template lookup and parameter updates for this request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops hard.</param>
    /// <returns>The outcome the processor applies (approve with a tier1 template, inquire, fail or skip).</returns>
    Task<ProcessResult> HandleAsync(TierConfigRequest request, ProcessorContext context, CancellationToken cancellationToken = default);
}
