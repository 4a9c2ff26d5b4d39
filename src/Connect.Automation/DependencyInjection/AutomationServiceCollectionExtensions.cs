using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers automation engines that run a handler class instead of a subclass. Needs a <see cref="ConnectClient"/>
/// in the container (<c>services.AddConnectClient(...)</c>). Resolve the engine (<see cref="FulfillmentAutomation"/>,
/// <see cref="TierConfigAutomation"/>, <see cref="UsageAutomation"/>, <see cref="UsageFileAutomation"/>) and call <c>ProcessAsync</c>; the handler
/// is resolved in a new scope for every item.
/// </summary>
public static class AutomationServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) and a <see cref="FulfillmentAutomation"/> that runs it.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">Services.</param>
    /// <param name="configure">Optional settings of the run.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddFulfillmentAutomation<THandler>(this IServiceCollection services, Action<AutomationOptions>? configure = null)
        where THandler : class, IFulfillmentHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = Build(configure);
        services.TryAddScoped<THandler>();
        services.AddTransient<FulfillmentAutomation>(sp => new HandlerFulfillmentAutomation<THandler>(
            sp.GetRequiredService<ConnectClient>(), options, Logger(sp, nameof(FulfillmentAutomation)), sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) and a <see cref="TierConfigAutomation"/> that runs it.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">Services.</param>
    /// <param name="configure">Optional settings of the run.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddTierConfigAutomation<THandler>(this IServiceCollection services, Action<AutomationOptions>? configure = null)
        where THandler : class, ITierConfigHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = Build(configure);
        services.TryAddScoped<THandler>();
        services.AddTransient<TierConfigAutomation>(sp => new HandlerTierConfigAutomation<THandler>(
            sp.GetRequiredService<ConnectClient>(), options, Logger(sp, nameof(TierConfigAutomation)), sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) and a <see cref="UsageFileAutomation"/> that runs it.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">Services.</param>
    /// <param name="configure">Optional settings of the run.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddUsageFileAutomation<THandler>(this IServiceCollection services, Action<AutomationOptions>? configure = null)
        where THandler : class, IUsageFileHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = Build(configure);
        services.TryAddScoped<THandler>();
        services.AddTransient<UsageFileAutomation>(sp => new HandlerUsageFileAutomation<THandler>(
            sp.GetRequiredService<ConnectClient>(), options, Logger(sp, nameof(UsageFileAutomation)), sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) and a <see cref="UsageAutomation"/> that runs it.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">Services.</param>
    /// <param name="configure">Optional settings of the run.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddUsageAutomation<THandler>(this IServiceCollection services, Action<AutomationOptions>? configure = null)
        where THandler : class, IUsageHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = Build(configure);
        services.TryAddScoped<THandler>();
        services.AddTransient<UsageAutomation>(sp => new HandlerUsageAutomation<THandler>(
            sp.GetRequiredService<ConnectClient>(), options, Logger(sp, nameof(UsageAutomation)), sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    private static AutomationOptions Build(Action<AutomationOptions>? configure)
    {
        var options = new AutomationOptions();
        configure?.Invoke(options);
        options.Validate();
        return options;
    }

    private static ILogger? Logger(IServiceProvider services, string engine) =>
        services.GetService<ILoggerFactory>()?.CreateLogger("Connect.Automation." + engine);
}
