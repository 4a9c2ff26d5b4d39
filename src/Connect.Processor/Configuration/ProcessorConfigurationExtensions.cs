using System.Globalization;
using Connect.Processor;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the processor's configuration sources: <c>config.json</c>, the <c>CONNECT_*</c> variables and the run flags.</summary>
public static class ProcessorConfigurationExtensions
{
    /// <summary>
    /// Adds, in increasing precedence: the optional <c>config.json</c> (or the file named by <c>--config</c>) from
    /// <paramref name="basePath"/> or the current directory; the environment variables <c>CONNECT_API_URL</c> (or
    /// <c>CONNECT_API_ENDPOINT</c>), <c>CONNECT_API_KEY</c>, <c>CONNECT_PRODUCTS</c> and <c>CONNECT_ENVIRONMENTS</c>
    /// (comma-separated), <c>CONNECT_COORDINATION</c> and <c>CONNECT_COORDINATION_CONNECTION</c>; and the flags <c>--once</c>, <c>--interval N</c> (continuous mode, N seconds),
    /// <c>--shard I/N</c>. Sources already present (such as <c>appsettings.json</c> and plain environment variables
    /// added by <c>Host.CreateApplicationBuilder</c>) rank below these.
    /// </summary>
    /// <param name="builder">The configuration builder (for example <c>HostApplicationBuilder.Configuration</c>).</param>
    /// <param name="args">Command-line arguments; unknown ones are ignored here.</param>
    /// <param name="basePath">Folder holding <c>config.json</c>; defaults to the current directory.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A flag has a missing or malformed value.</exception>
    public static IConfigurationBuilder AddConnectProcessorConfiguration(this IConfigurationBuilder builder, string[]? args = null, string? basePath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var flags = ProcessorCommandLine.Parse(args ?? []);
        var configFile = flags.ConfigFile ?? "config.json";
        var folder = basePath ?? Directory.GetCurrentDirectory();
        var fullPath = Path.IsPathRooted(configFile) ? configFile : Path.Combine(folder, configFile);
        if (flags.ConfigFile is not null && !File.Exists(fullPath))
        {
            throw new ArgumentException($"--config: the file '{fullPath}' does not exist.", nameof(args));
        }

        builder.AddJsonFile(fullPath, optional: true, reloadOnChange: false);
        builder.AddInMemoryCollection(FromEnvironment(Environment.GetEnvironmentVariable));
        builder.AddInMemoryCollection(flags.Settings);
        return builder;
    }

    internal static Dictionary<string, string?> FromEnvironment(Func<string, string?> variable)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if ((NonEmpty(variable("CONNECT_API_URL")) ?? NonEmpty(variable("CONNECT_API_ENDPOINT"))) is { } endpoint)
        {
            settings["connectApiEndpoint"] = endpoint;
        }

        if (NonEmpty(variable("CONNECT_API_KEY")) is { } key)
        {
            settings["connectApiKey"] = key;
        }

        if (NonEmpty(variable("CONNECT_COORDINATION")) is { } coordination)
        {
            settings["coordination"] = coordination;
        }

        if (NonEmpty(variable("CONNECT_COORDINATION_CONNECTION")) is { } lockService)
        {
            settings["coordinationConnectionString"] = lockService;
        }

        AddList(settings, "products", variable("CONNECT_PRODUCTS"));
        AddList(settings, "environments", variable("CONNECT_ENVIRONMENTS"));
        return settings;
    }

    private static void AddList(Dictionary<string, string?> settings, string key, string? value)
    {
        if (NonEmpty(value) is not { } text)
        {
            return;
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            settings[$"{key}:{i.ToString(CultureInfo.InvariantCulture)}"] = parts[i];
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
