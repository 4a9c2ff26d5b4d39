using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk;

namespace Connect.Cli.Configuration;

/// <summary>One resolved setting and where it came from.</summary>
/// <param name="Name">The setting (<c>endpoint</c>, <c>apiKey</c>, <c>allowInsecureHttp</c>).</param>
/// <param name="Value">The value, or null when no source set it.</param>
/// <param name="Source">Where it came from: a variable, a file and key, or <c>default</c>.</param>
internal sealed record Setting(string Name, string? Value, string Source);

/// <summary>
/// The connection settings, read from the same places as the SDK's <see cref="ConnectConfig"/>: a config file (the
/// seed's <c>config.json</c> keys <c>apiEndpoint</c>/<c>connectApiEndpoint</c>, <c>apiKey</c>/<c>connectApiKey</c>,
/// <c>allowInsecureHttp</c>), then the environment variables <c>CONNECT_API_ENDPOINT</c> (or <c>CONNECT_API_URL</c>),
/// <c>CONNECT_API_KEY</c> and <c>CONNECT_ALLOW_INSECURE_HTTP</c>, which win over the file.
/// </summary>
internal sealed class CliSettings
{
    /// <summary>The file read when <c>--config</c> is not given, in the current folder, if it exists.</summary>
    public const string DefaultConfigFile = "config.json";

    private static readonly string[] EndpointKeys = ["apiEndpoint", "connectApiEndpoint", "endpoint"];
    private static readonly string[] ApiKeyKeys = ["apiKey", "connectApiKey"];

    private CliSettings(string? configFile, Setting endpoint, Setting apiKey, Setting allowInsecureHttp)
    {
        ConfigFile = configFile;
        Endpoint = endpoint;
        ApiKey = apiKey;
        AllowInsecureHttp = allowInsecureHttp;
    }

    /// <summary>The config file that was read, or null.</summary>
    public string? ConfigFile { get; }

    /// <summary>The API endpoint.</summary>
    public Setting Endpoint { get; }

    /// <summary>The API key (never printed unmasked).</summary>
    public Setting ApiKey { get; }

    /// <summary>Whether <c>http://</c> to a non-loopback host is allowed.</summary>
    public Setting AllowInsecureHttp { get; }

    /// <summary>Reads the settings.</summary>
    /// <param name="configFile">The <c>--config</c> value, or null for <c>config.json</c> in <paramref name="currentDirectory"/> when present.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="currentDirectory">The working folder.</param>
    /// <exception cref="CliUsageException">The named file does not exist or is not a JSON object.</exception>
    public static CliSettings Resolve(string? configFile, Func<string, string?> environment, string currentDirectory)
    {
        string? path = null;
        if (configFile is not null)
        {
            path = Path.GetFullPath(configFile, currentDirectory);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--config: the file '{path}' does not exist.");
            }
        }
        else if (File.Exists(Path.Combine(currentDirectory, DefaultConfigFile)))
        {
            path = Path.Combine(currentDirectory, DefaultConfigFile);
        }

        JsonElement? file = path is null ? null : ReadFile(path);
        var fileName = path is null ? null : Path.GetFileName(path);

        var endpoint = FromEnvironment("endpoint", environment, ConnectConfig.EndpointVariable, "CONNECT_API_URL")
            ?? FromFile("endpoint", file, fileName, EndpointKeys)
            ?? new Setting("endpoint", ConnectClientOptions.DefaultEndpoint, "default");
        var apiKey = FromEnvironment("apiKey", environment, ConnectConfig.ApiKeyVariable)
            ?? FromFile("apiKey", file, fileName, ApiKeyKeys)
            ?? new Setting("apiKey", null, "not set");
        var insecure = FromEnvironment("allowInsecureHttp", environment, ConnectConfig.AllowInsecureHttpVariable)
            ?? FromFile("allowInsecureHttp", file, fileName, ["allowInsecureHttp"])
            ?? new Setting("allowInsecureHttp", "false", "default");
        return new CliSettings(path, endpoint, apiKey, insecure);
    }

    /// <summary>Client options validated by the SDK (<see cref="ConnectConfig.FromJson"/>).</summary>
    /// <exception cref="Connect.Sdk.ConnectConfigurationException">No API key, or a value the SDK rejects.</exception>
    public ConnectClientOptions ToClientOptions()
    {
        if (ApiKey.Value is null)
        {
            throw new ConnectConfigurationException(
                $"No API key: set {ConnectConfig.ApiKeyVariable}, or apiKey in {DefaultConfigFile} (or the file named by --config).");
        }

        if (!bool.TryParse(AllowInsecureHttp.Value, out var insecure))
        {
            throw new ConnectConfigurationException($"allowInsecureHttp ({AllowInsecureHttp.Source}) must be true or false.");
        }

        var json = new JsonObject
        {
            ["apiEndpoint"] = Endpoint.Value,
            ["apiKey"] = ApiKey.Value,
            ["allowInsecureHttp"] = insecure,
        };
        return ConnectConfig.FromJson(json.ToJsonString());
    }

    /// <summary>The key with its secret hidden: <c>ApiKey SU-000-000-000:****</c>.</summary>
    /// <param name="key">The key, or null.</param>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(not set)";
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "****" : key[..(colon + 1)] + "****";
    }

    private static Setting? FromEnvironment(string name, Func<string, string?> environment, params string[] variables)
    {
        foreach (var variable in variables)
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return new Setting(name, value.Trim(), "env " + variable);
            }
        }

        return null;
    }

    private static Setting? FromFile(string name, JsonElement? file, string? fileName, string[] keys)
    {
        if (file is not { } root)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (!root.TryGetProperty(key, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new CliUsageException($"'{key}' in {fileName} must be a string{(name == "allowInsecureHttp" ? " or a boolean" : string.Empty)}, not {value.ValueKind}."),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                return new Setting(name, text.Trim(), $"{fileName} ({key})");
            }
        }

        return null;
    }

    private static JsonElement ReadFile(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new CliUsageException($"The config file '{path}' must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"The config file '{path}' is not valid JSON (line {ex.LineNumber + 1}).");
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"Cannot read the config file '{path}': {ex.Message}");
        }
    }
}
