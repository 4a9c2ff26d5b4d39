using Connect.Processor;
using Connect.Sdk.Models;
using ExampleProcessor.Handlers;
using ExampleProcessor.Vendor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExampleProcessor;

/// <summary>Registers the example's handlers and vendor client (shared by <c>Program</c> and the tests).</summary>
public static class ExampleRegistration
{
    /// <summary>Adds the processor with the example's handlers, talking to the vendor API at <paramref name="vendorApi"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Configuration with the processor keys at its root.</param>
    /// <param name="vendorApi">Base URL of the vendor API (ending in <c>/v1/</c>).</param>
    /// <param name="configure">Changes applied after binding.</param>
    /// <returns>The processor builder.</returns>
    public static ProcessorBuilder AddExampleProcessor(this IServiceCollection services, IConfiguration configuration, Uri vendorApi, Action<ProcessorOptions>? configure = null)
    {
        services.AddHttpClient<VendorClient>(http =>
        {
            http.BaseAddress = vendorApi;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        return services.AddConnectProcessor(configuration, configure)
            .AddTierConfigHandler<TierFulfillment>()
            .AddFulfillmentHandler<Purchase>(RequestType.Purchase)
            .AddFulfillmentHandler<Change>(RequestType.Change)
            .AddFulfillmentHandler<Suspend>(RequestType.Suspend)
            .AddFulfillmentHandler<Resume>(RequestType.Resume)
            .AddFulfillmentHandler<Cancel>(RequestType.Cancel)
            .AddOrderingParameterValidator<OrderingParameters>();
    }
}
