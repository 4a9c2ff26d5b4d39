namespace Connect.Sdk;

/// <summary>
/// The environment variables the SDK reads (<c>CONNECT_API_URL</c> or <c>CONNECT_API_ENDPOINT</c>,
/// <c>CONNECT_API_KEY</c>, <c>CONNECT_PRODUCTS</c>, <c>CONNECT_ALLOW_INSECURE_HTTP</c>), laid over options: a variable
/// that is set replaces the option's value, one that is unset or blank leaves it alone.
/// </summary>
internal static class ConnectEnvironment
{
    /// <summary>The endpoint variable the processor template and the CLI use; <see cref="ConnectConfig.EndpointVariable"/> is read too.</summary>
    public const string UrlVariable = "CONNECT_API_URL";

    public static void Apply(ConnectClientOptions options, Func<string, string?> variable)
    {
        if ((NonBlank(variable(ConnectConfig.EndpointVariable)) ?? NonBlank(variable(UrlVariable))) is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        if (NonBlank(variable(ConnectConfig.ApiKeyVariable)) is { } key)
        {
            options.ApiKey = key;
        }

        if (NonBlank(variable(ConnectConfig.ProductsVariable)) is { } products)
        {
            options.Products = [.. products.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (NonBlank(variable(ConnectConfig.AllowInsecureHttpVariable)) is { } insecure)
        {
            options.AllowInsecureHttp = bool.TryParse(insecure, out var allow)
                ? allow
                : throw new ConnectConfigurationException($"The environment variable {ConnectConfig.AllowInsecureHttpVariable} must be true or false.");
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
