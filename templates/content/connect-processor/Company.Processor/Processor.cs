using Connect.Processor;
using Connect.Sdk.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Company.Processor;

/// <summary>Registers this processor's handlers (shared by Program.cs and the tests).</summary>
public static class ProcessorRegistration
{
    /// <summary>Adds the processor with its handlers, validator and usage reporter.</summary>
    public static ProcessorBuilder AddProcessor(this IServiceCollection services, IConfiguration configuration, Action<ProcessorOptions>? configure = null) =>
        services.AddConnectProcessor(configuration, configure)
            .AddTierConfigHandler<TierFulfillment>()
            .AddFulfillmentHandler<Purchase>(RequestType.Purchase)
            .AddFulfillmentHandler<Change>(RequestType.Change)
            .AddFulfillmentHandler<Cancel>(RequestType.Cancel)
            .AddFulfillmentHandler<Suspend>(RequestType.Suspend)
            .AddFulfillmentHandler<Resume>(RequestType.Resume)
            .AddUsageReporter<ReportUsage>()
            .AddOrderingParameterValidator<DynamicValidation>();
}
