using Connect.Processor;
using Connect.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Connect processor in a host.</summary>
public static class ProcessorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the processor: <see cref="ProcessorOptions"/> bound from the root of <paramref name="configuration"/> and
    /// validated on start, the <see cref="ConnectClient"/> (<c>AddConnectClient</c>, configured from
    /// <see cref="ProcessorOptions.Connect"/>), the <see cref="ConnectProcessor"/>, the hosted service that runs it, the built-in
    /// required-ordering-parameter validator, and the dynamic validation endpoint (when enabled in the settings).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Configuration holding the processor keys at its root (<c>connectApiEndpoint</c>, <c>products</c>, ...).</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>A builder to register handlers with.</returns>
    public static ProcessorBuilder AddConnectProcessor(this IServiceCollection services, IConfiguration configuration, Action<ProcessorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<ProcessorOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Adds the processor with settings given in code (see <see cref="AddConnectProcessor(IServiceCollection, IConfiguration, Action{ProcessorOptions}?)"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to register handlers with.</returns>
    public static ProcessorBuilder AddConnectProcessor(this IServiceCollection services, Action<ProcessorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ProcessorOptions>().Configure(configure);
        return AddCore(services);
    }

    private static ProcessorBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<ProcessorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessorOptions>, ProcessorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The processor's client is the SDK's registration (IHttpClientFactory, resilience), on the processor's Connect settings.
        services.AddConnectClient(_ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ConnectClientOptions>, ProcessorClientOptionsSetup>());
        services.TryAddSingleton(sp => new TemplateCache(sp.GetRequiredService<ConnectClient>()));
        services.TryAddSingleton(sp => new ConnectProcessor(
            sp.GetRequiredService<IOptions<ProcessorOptions>>().Value,
            sp.GetRequiredService<ConnectClient>(),
            sp.GetRequiredService<TemplateCache>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IServiceProviderIsService>(),
            sp.GetServices<IProcessorObserver>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ItemLeases>()));

        // The item leases replicas coordinate through (coordination: none | redis | postgres); one per process, disposed
        // with the host (it closes the lock service's connections).
        services.TryAddSingleton(sp => new ItemLeases(
            LockService.Create(sp.GetRequiredService<IOptions<ProcessorOptions>>().Value),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<LeaseHolder>();
        services.TryAddSingleton<ProcessorExecution>();
        services.TryAddSingleton<DynamicValidator>();
        services.TryAddSingleton<DynamicValidationAddress>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOrderingParameterValidator, RequiredOrderingParametersValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DynamicValidationService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProcessorHostedService>());
        return new ProcessorBuilder(services);
    }
}
