using Connect.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ConnectClient"/> with <c>IHttpClientFactory</c> and the SDK's retry pipeline.</summary>
public static class ConnectServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client the SDK registers.</summary>
    public const string HttpClientName = "Connect.Sdk";

    /// <summary>Registers a <see cref="ConnectClient"/> configured by <paramref name="configure"/>.</summary>
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
    /// Registers a <see cref="ConnectClient"/> bound to a configuration section (keys <c>Endpoint</c>,
    /// <c>ApiKey</c>, <c>Products</c>, <c>AllowInsecureHttp</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>Timeout</c>, <c>PageSize</c>).
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Connect")</c>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectClientOptions>, ConnectClientOptionsValidator>());
        services.AddOptions<ConnectClientOptions>().ValidateOnStart();
        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ConnectResilience.PipelineName, (pipeline, context) =>
            ConnectResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ConnectClientOptions>>().Value));
        services.TryAddTransient(sp => new ConnectClient(
            sp.GetRequiredService<IOptions<ConnectClientOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetService<ILoggerFactory>()));
        return builder;
    }
}

/// <summary>Runs <see cref="ConnectClientOptions.Validate"/> when the options are first used (or at start).</summary>
internal sealed class ConnectClientOptionsValidator : IValidateOptions<ConnectClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ConnectConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
