using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor;

/// <summary>Registers the processor's handlers; returned by <c>AddConnectProcessor</c>.</summary>
public sealed class ProcessorBuilder
{
    internal ProcessorBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers the handler of <c>purchase</c> requests (scoped: one instance per request).</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddPurchaseHandler<T>()
        where T : class, IPurchaseHandler => Add<IPurchaseHandler, T>();

    /// <summary>Registers the handler of <c>change</c> requests.</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddChangeHandler<T>()
        where T : class, IChangeHandler => Add<IChangeHandler, T>();

    /// <summary>Registers the handler of <c>cancel</c> requests.</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddCancelHandler<T>()
        where T : class, ICancelHandler => Add<ICancelHandler, T>();

    /// <summary>Registers the handler of <c>suspend</c> requests.</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddSuspendHandler<T>()
        where T : class, ISuspendHandler => Add<ISuspendHandler, T>();

    /// <summary>Registers the handler of <c>resume</c> requests.</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddResumeHandler<T>()
        where T : class, IResumeHandler => Add<IResumeHandler, T>();

    /// <summary>Registers the tier config request handler; tier config requests are then processed before fulfillment requests.</summary>
    /// <typeparam name="T">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddTierConfigHandler<T>()
        where T : class, ITierConfigRequestHandler => Add<ITierConfigRequestHandler, T>();

    /// <summary>Registers the usage reporter (runs on <see cref="ProcessorOptions.DayToReportUsage"/>).</summary>
    /// <typeparam name="T">The reporter type.</typeparam>
    /// <returns>This builder.</returns>
    public ProcessorBuilder AddUsageReporter<T>()
        where T : class, IUsageReporter => Add<IUsageReporter, T>();

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

    private ProcessorBuilder Add<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.AddScoped<TService, TImplementation>();
        return this;
    }
}
