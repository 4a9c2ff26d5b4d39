using System.Text.Json;

namespace Connect.Sdk;

/// <summary>
/// Loads <see cref="ConnectClientOptions"/> from the Python connect-sdk's <c>config.json</c> (keys <c>apiEndpoint</c>,
/// <c>apiKey</c>, <c>products</c>; or the processor template's <c>connectApiEndpoint</c>, <c>connectApiKey</c>),
/// from a JSON string, or from environment variables.
/// </summary>
public static class ConnectConfig
{
    /// <summary>Environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "CONNECT_API_KEY";

    /// <summary>Environment variable holding the endpoint (<c>CONNECT_API_URL</c> is accepted too).</summary>
    public const string EndpointVariable = "CONNECT_API_ENDPOINT";

    /// <summary>Environment variable holding comma-separated product ids.</summary>
    public const string ProductsVariable = "CONNECT_PRODUCTS";

    /// <summary>Environment variable that allows <c>http://</c> to a non-loopback host when <c>true</c>.</summary>
    public const string AllowInsecureHttpVariable = "CONNECT_ALLOW_INSECURE_HTTP";

    private static readonly string[] EndpointKeys = ["apiEndpoint", "connectApiEndpoint", "endpoint"];
    private static readonly string[] ApiKeyKeys = ["apiKey", "connectApiKey"];

    /// <summary>Reads a JSON config file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>Validated options.</returns>
    /// <exception cref="ConnectConfigurationException">The file is missing, not JSON, or a field is missing or of the wrong type; the message names the path or field.</exception>
    public static ConnectClientOptions FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConnectConfigurationException($"Cannot read the config file '{path}': {ex.Message}", ex);
        }

        return Parse(text, $"config file '{path}'");
    }

    /// <summary>Reads config JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>Validated options.</returns>
    /// <exception cref="ConnectConfigurationException">Not JSON, or a field is missing or of the wrong type.</exception>
    public static ConnectClientOptions FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(json, "config JSON");
    }

    /// <summary>
    /// Reads <c>CONNECT_API_ENDPOINT</c> (or <c>CONNECT_API_URL</c>; default: the public endpoint),
    /// <c>CONNECT_API_KEY</c>, <c>CONNECT_PRODUCTS</c> (comma-separated) and <c>CONNECT_ALLOW_INSECURE_HTTP</c>.
    /// </summary>
    /// <returns>Validated options.</returns>
    /// <exception cref="ConnectConfigurationException">The key is missing or a value is invalid.</exception>
    public static ConnectClientOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static ConnectClientOptions FromEnvironment(Func<string, string?> variable)
    {
        var options = new ConnectClientOptions();
        ConnectEnvironment.Apply(options, variable);
        if (NonEmpty(variable(ApiKeyVariable)) is null)
        {
            throw new ConnectConfigurationException($"The environment variable {ApiKeyVariable} is not set.");
        }

        return Finish(options);
    }

    private static ConnectClientOptions Parse(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ConnectConfigurationException($"The {source} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConnectConfigurationException($"The {source} must be a JSON object, not {root.ValueKind}.");
            }

            var options = new ConnectClientOptions
            {
                Endpoint = ReadString(root, EndpointKeys, source)
                    ?? throw new ConnectConfigurationException($"The {source} has no 'apiEndpoint' (or 'connectApiEndpoint')."),
                ApiKey = ReadString(root, ApiKeyKeys, source)
                    ?? throw new ConnectConfigurationException($"The {source} has no 'apiKey' (or 'connectApiKey')."),
                Products = ReadProducts(root, source),
            };
            if (root.TryGetProperty("allowInsecureHttp", out var insecure))
            {
                options.AllowInsecureHttp = insecure.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new ConnectConfigurationException($"'allowInsecureHttp' in the {source} must be true or false."),
                };
            }

            return Finish(options);
        }
    }

    private static ConnectClientOptions Finish(ConnectClientOptions options)
    {
        options.ApiKey = options.AuthorizationHeader;
        options.Validate();
        return options;
    }

    private static string? ReadString(JsonElement root, string[] keys, string source)
    {
        foreach (var key in keys)
        {
            if (!root.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw new ConnectConfigurationException($"'{key}' in the {source} must be a string, not {value.ValueKind}.");
            }

            return NonEmpty(value.GetString());
        }

        return null;
    }

    private static List<string> ReadProducts(JsonElement root, string source)
    {
        if (!root.TryGetProperty("products", out var products) || products.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (products.ValueKind == JsonValueKind.String)
        {
            return SplitProducts(products.GetString()!);
        }

        if (products.ValueKind != JsonValueKind.Array)
        {
            throw new ConnectConfigurationException($"'products' in the {source} must be a string or a list of strings, not {products.ValueKind}.");
        }

        var list = new List<string>();
        var index = 0;
        foreach (var item in products.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new ConnectConfigurationException($"'products[{index}]' in the {source} must be a string, not {item.ValueKind}.");
            }

            list.Add(item.GetString()!);
            index++;
        }

        return list;
    }

    private static List<string> SplitProducts(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
