using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>The fulfillment engine of one processor stage: the automation engine with the processor's dispatch as handler.</summary>
internal sealed class ProcessorFulfillmentEngine(
    ConnectClient client, AutomationOptions options, ILogger logger,
    Func<FulfillmentRequest, AutomationContext, Task<ProcessResult>> handle)
    : FulfillmentAutomation(client, options, logger)
{
    // The engine's token means "take no new request"; the dispatcher gives handlers the run's abort token instead, so a
    // request already in flight when a stop is requested is finished.
    protected override Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken) =>
        handle(request, Context);
}

/// <summary>The tier config engine of one processor stage.</summary>
internal sealed class ProcessorTierConfigEngine(
    ConnectClient client, AutomationOptions options, ILogger logger,
    Func<TierConfigRequest, AutomationContext, Task<ProcessResult>> handle)
    : TierConfigAutomation(client, options, logger)
{
    protected override Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken) =>
        handle(request, Context);
}
