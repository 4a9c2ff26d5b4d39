using Connect.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="ConnectClient"/> with <c>IHttpClientFactory</c>. Its HTTP client carries the SDK's pipeline,
/// outermost first: User-Agent, API key, logging, then the retry and timeout handler; handlers added to the returned
/// builder run inside it, once per attempt. Options are validated at start.
/// </summary>
public static class ConnectServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client the SDK registers.</summary>
    public const string HttpClientName = "Connect.Sdk";

    /// <summary>The configuration section <see cref="AddConnectClient(IServiceCollection)"/> binds: <c>Connect</c>.</summary>
    public const string ConfigurationSectionName = "Connect";

    /// <summary>
    /// Registers a <see cref="ConnectClient"/> configured the way a .NET host is: the <c>Connect</c> section of the
    /// registered <see cref="IConfiguration"/> (when there is one), then the environment variables
    /// <c>CONNECT_API_URL</c> (or <c>CONNECT_API_ENDPOINT</c>), <c>CONNECT_API_KEY</c>, <c>CONNECT_PRODUCTS</c> and
    /// <c>CONNECT_ALLOW_INSECURE_HTTP</c>, which win over the section as environment variables win over
    /// <c>appsettings.json</c>.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConnectClientOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(ConfigurationSectionName).Bind(options);
            }

            ConnectEnvironment.Apply(options, Environment.GetEnvironmentVariable);
        });
        return AddCore(services);
    }

    /// <summary>Registers a <see cref="ConnectClient"/> configured by <paramref name="configure"/> alone.</summary>
    /// <param name="services">Services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, Action<ConnectClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConnectClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers a <see cref="ConnectClient"/> bound to a configuration section (keys <c>Endpoint</c>, <c>ApiKey</c>,
    /// <c>Products</c>, <c>AllowInsecureHttp</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>Timeout</c>,
    /// <c>PageSize</c>, <c>PrefetchNextPage</c>), then the <c>CONNECT_*</c> environment variables of
    /// <see cref="AddConnectClient(IServiceCollection)"/>, then <paramref name="configure"/> when given.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Connect")</c>.</param>
    /// <param name="configure">Optional last word on the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, IConfiguration configuration, Action<ConnectClientOptions>? configure = null) =>
        AddConnectClient(services, configuration, Environment.GetEnvironmentVariable, configure);

    internal static IHttpClientBuilder AddConnectClient(
        IServiceCollection services, IConfiguration configuration, Func<string, string?> environment, Action<ConnectClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<ConnectClientOptions>().Bind(configuration).Configure(o => ConnectEnvironment.Apply(o, environment));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectClientOptions>, ConnectClientOptionsValidator>());
        services.AddOptions<ConnectClientOptions>().ValidateOnStart();
        services.Configure<TelemetryOptions>(telemetry => ConnectResilience.QuietAttempts(telemetry, HttpClientName + "-" + ConnectResilience.PipelineName));

        // The same steps, in the same order, as ConnectHttpPipeline builds for the standalone client.
        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddHttpMessageHandler(() => new UserAgentHandler());
        builder.AddHttpMessageHandler(provider => new AuthenticationHandler(Options(provider)));
        builder.AddHttpMessageHandler(provider => new TracingHandler(Options(provider)));
        builder.AddHttpMessageHandler(provider => new LoggingHandler(Options(provider), Logger(provider), Time(provider)));
        builder.AddResilienceHandler(ConnectResilience.PipelineName, (pipeline, context) =>
        {
            pipeline.TimeProvider = Time(context.ServiceProvider);
            ConnectResilience.Configure(pipeline, Options(context.ServiceProvider));
        });
        builder.AddHttpMessageHandler(() => new AttemptCountingHandler());
        services.TryAddTransient(provider =>
        {
            var options = Options(provider);
            if (options.TimeProvider is null && provider.GetService<TimeProvider>() is { } time)
            {
                options = options.Clone();
                options.TimeProvider = time;
            }

            return new ConnectClient(options, provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), provider.GetService<ILoggerFactory>());
        });
        return builder;
    }

    private static ConnectClientOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<ConnectClientOptions>>().Value;

    private static TimeProvider Time(IServiceProvider provider) =>
        Options(provider).TimeProvider ?? provider.GetService<TimeProvider>() ?? TimeProvider.System;

    private static ILogger Logger(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger(ConnectHttpPipeline.LogCategory) ?? NullLogger.Instance;
}
