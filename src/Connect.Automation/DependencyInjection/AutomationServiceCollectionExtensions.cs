using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers an <see cref="AutomationEngine{TItem}"/> that runs a handler class. Needs a <see cref="ConnectClient"/> in
/// the container (<c>services.AddConnectClient(...)</c>). Resolve the engine and call <c>ProcessAsync</c>; the handler is
/// resolved from a new scope for every item (the scope is <see cref="ItemContext.Services"/>).
/// </summary>
public static class AutomationServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) and an <see cref="AutomationEngine{TItem}"/> that runs it.</summary>
    /// <typeparam name="TItem">
    /// <see cref="Connect.Sdk.Models.FulfillmentRequest"/>, <see cref="Connect.Sdk.Models.TierConfigRequest"/>,
    /// <see cref="Connect.Sdk.Models.UsageFile"/> or <see cref="Connect.Sdk.Models.UsageListing"/>.
    /// </typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">Services.</param>
    /// <param name="configure">Optional settings of the run.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static IServiceCollection AddAutomation<TItem, THandler>(this IServiceCollection services, Action<AutomationOptions>? configure = null)
        where TItem : class
        where THandler : class, IRequestHandler<TItem>
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new AutomationOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddScoped<THandler>();
        services.AddTransient(sp => new AutomationEngine<TItem>(
            sp.GetRequiredService<ConnectClient>(),
            new ScopedHandler<TItem, THandler>(),
            options,
            sp.GetService<ILoggerFactory>()?.CreateLogger("Connect.Automation." + typeof(TItem).Name),
            sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Resolves <typeparamref name="THandler"/> from the item's scope and hands it the item.</summary>
    private sealed class ScopedHandler<TItem, THandler> : IRequestHandler<TItem>
        where TItem : class
        where THandler : class, IRequestHandler<TItem>
    {
        public Task<ProcessResult> HandleAsync(TItem item, ItemContext context, CancellationToken cancellationToken) =>
            context.Services.GetRequiredService<THandler>().HandleAsync(item, context, cancellationToken);
    }
}
