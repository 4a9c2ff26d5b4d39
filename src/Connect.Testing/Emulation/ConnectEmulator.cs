using Connect.Emulator;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// An emulator running in this process on <c>127.0.0.1</c> (a free port), with a <see cref="ConnectClient"/> and the
/// processor settings that point at it. Framework-neutral: xunit tests use <see cref="ConnectEmulatorFixture"/>;
/// NUnit and MSTest start one in a one-time set-up and call <see cref="ResetAsync"/> before each test.
/// </summary>
public sealed class ConnectEmulator : IAsyncDisposable
{
    private readonly EmulatorHost _host;
    private readonly ConnectEmulatorOptions _options;

    private ConnectEmulator(EmulatorHost host, ConnectEmulatorOptions options)
    {
        _host = host;
        _options = options;
        Client = new ConnectClient(new ConnectClientOptions
        {
            Endpoint = host.BaseUrl,
            ApiKey = host.ApiKey,
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(60),
        });
        Control = new EmulatorControl(host.ControlUrl, host.ApiKey);
    }

    /// <summary>The public API base URL, <c>http://127.0.0.1:&lt;port&gt;/public/v1</c>.</summary>
    public string BaseUrl => _host.BaseUrl;

    /// <summary>The control API base URL, <c>http://127.0.0.1:&lt;port&gt;/emulator/v1</c>.</summary>
    public string ControlUrl => _host.ControlUrl;

    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey => _host.ApiKey;

    /// <summary>A client of this emulator (one retry, short delays, so a failing test does not wait).</summary>
    public ConnectClient Client { get; }

    /// <summary>The control API: reset, seed, audit log, bulk generation.</summary>
    public EmulatorControl Control { get; }

    /// <summary>Starts an emulator and stores <see cref="ConnectEmulatorOptions.Data"/> in it.</summary>
    /// <param name="options">Seed, key, clock and the test's own objects; defaults when omitted.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<ConnectEmulator> StartAsync(ConnectEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ConnectEmulatorOptions();
        var hostOptions = new EmulatorOptions { Host = "127.0.0.1", Port = 0, Seed = options.Seed, TimeProvider = options.TimeProvider };
        hostOptions.ApiKeys.Add(options.ApiKey);
        var host = await EmulatorHost.StartAsync(hostOptions, cancellationToken).ConfigureAwait(false);
        var emulator = new ConnectEmulator(host, options);
        try
        {
            await emulator.Control.SeedAsync(options.Data, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>
    /// Back to the state after start: everything deleted, the Python connect-sdk reloaded and the test's own objects stored again
    /// (one call for the reset, one for the objects; a few milliseconds with the demo seed).
    /// </summary>
    /// <param name="cancellationToken">Cancels the reset.</param>
    /// <returns>A task that completes once reset.</returns>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await Control.ResetAsync(_options.Seed, cancellationToken).ConfigureAwait(false);
        await Control.SeedAsync(_options.Data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores built fulfillment requests (and their assets) exactly as they are.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>A task that completes once stored.</returns>
    public Task SeedAsync(params FulfillmentRequest[] requests) => Control.SeedAsync(requests);

    /// <summary>Stores built tier config requests (and their tier configs) exactly as they are.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>A task that completes once stored.</returns>
    public Task SeedAsync(params TierConfigRequest[] requests) => Control.SeedAsync(requests);

    /// <summary>
    /// Processor settings for this emulator, as <c>config.json</c> would hold them (for
    /// <c>AddInMemoryCollection</c>): endpoint, key, products, the demo templates' names, one pass per run.
    /// </summary>
    /// <returns>Key/value settings; change or add keys before use.</returns>
    public Dictionary<string, string?> ProcessorSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["connectApiEndpoint"] = BaseUrl,
            ["connectApiKey"] = ApiKey,
            ["activationTemplateName"] = "Default Activation Template",
            ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
            ["inquireTemplateName"] = "Inquire Template",
            ["mode"] = nameof(ProcessorRunMode.Once),
        };
        var products = Products();
        for (var i = 0; i < products.Count; i++)
        {
            settings[$"products:{i}"] = products[i];
        }

        return settings;
    }

    /// <summary>Applies the same settings to processor options (for <c>AddConnectProcessor(o =&gt; emulator.ConfigureProcessor(o))</c>).</summary>
    /// <param name="options">The options to set.</param>
    public void ConfigureProcessor(ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConnectApiEndpoint = BaseUrl;
        options.ConnectApiKey = ApiKey;
        options.Products = [.. Products()];
        options.ActivationTemplateName = "Default Activation Template";
        options.Tier1ActivationTemplateName = "Tier1 Activation Template";
        options.InquireTemplateName = "Inquire Template";
        options.Mode = ProcessorRunMode.Once;
    }

    /// <summary>Processor options for this emulator (see <see cref="ConfigureProcessor"/>).</summary>
    /// <returns>New options.</returns>
    public ProcessorOptions ProcessorOptions()
    {
        var options = new ProcessorOptions();
        ConfigureProcessor(options);
        return options;
    }

    /// <summary>Stops the emulator and disposes the clients.</summary>
    /// <returns>A task that completes once stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Control.Dispose();
        await _host.DisposeAsync().ConfigureAwait(false);
    }

    private List<string> Products() => _options.Products.Count > 0 ? [.. _options.Products] : [DemoDefaults.ProductId];
}
