using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor;

/// <summary>
/// Registers the processor's handlers; returned by <c>AddConnectProcessor</c>. A handler is an
/// <see cref="IRequestHandler{TItem}"/> registered as a keyed scoped service whose key is the request type it handles
/// (<c>AddKeyedScoped&lt;IRequestHandler&lt;FulfillmentRequest&gt;, Purchase&gt;("purchase")</c>), or
/// <see cref="KeyedService.AnyKey"/> for every type without a handler of its own; one instance per request.
/// </summary>
public sealed class ProcessorBuilder
{
    internal ProcessorBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers the handler of one type of fulfillment request (scoped: one instance per request).</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <param name="requestType">
    /// The request type it handles: <c>purchase</c>, <c>change</c>, <c>suspend</c>, <c>resume</c> or <c>cancel</c>
    /// (<see cref="RequestType"/>); <see langword="null"/> for every type without a handler of its own.
    /// </param>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddFulfillmentHandler<T>(string? requestType)
        where T : class, IRequestHandler<FulfillmentRequest> => AddHandler<FulfillmentRequest, T>(requestType);

    /// <summary>
    /// Registers the handler of tier config requests; tier config requests are then processed before fulfillment requests
    /// in every pass, and <c>tier1ActivationTemplateName</c> is required.
    /// </summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <param name="requestType"><c>setup</c> or <c>update</c>; <see langword="null"/> (the default) for both.</param>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddTierConfigHandler<T>(string? requestType = null)
        where T : class, IRequestHandler<TierConfigRequest> => AddHandler<TierConfigRequest, T>(requestType);

    /// <summary>Registers the usage reporter (runs on <see cref="ProcessorOptions.DayToReportUsage"/>).</summary>
    /// <typeparam name="T">The reporter type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddUsageReporter<T>()
        where T : class, IUsageReporter
    {
        Services.AddScoped<IUsageReporter, T>();
        return this;
    }

    /// <summary>Adds an ordering-parameter validator (several may be added; their errors are combined).</summary>
    /// <typeparam name="T">The validator type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddOrderingParameterValidator<T>()
        where T : class, IOrderingParameterValidator
    {
        Services.AddScoped<IOrderingParameterValidator, T>();
        return this;
    }

    /// <summary>Adds a progress observer (singleton).</summary>
    /// <typeparam name="T">The observer type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddObserver<T>()
        where T : class, IProcessorObserver
    {
        Services.AddSingleton<IProcessorObserver, T>();
        return this;
    }

    private ProcessorBuilder AddHandler<TItem, T>(string? requestType)
        where TItem : class
        where T : class, IRequestHandler<TItem>
    {
        if (requestType is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(requestType);
        }

        Services.AddKeyedScoped<IRequestHandler<TItem>, T>(requestType ?? KeyedService.AnyKey);
        return this;
    }
}
