using System.Net;
using Connect.Emulator.Dashboard;
using Connect.Emulator.Domain;
using Connect.Emulator.Endpoints;
using Connect.Emulator.Http;
using Connect.Emulator.Seed;
using Connect.Emulator.Store;

namespace Connect.Emulator;

/// <summary>
/// A running emulator: Kestrel on a loopback (or configured) address serving the Connect public API under
/// <c>/public/v1</c> and the control API under <c>/emulator/v1</c>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DocumentStore _store;
    private int _stopped;

    private EmulatorHost(WebApplication app, DocumentStore store, string baseAddress, string apiKey)
    {
        _app = app;
        _store = store;
        BaseUrl = baseAddress + "/public/v1";
        ControlUrl = baseAddress + "/emulator/v1";
        DashboardUrl = baseAddress + "/ui";
        ApiKey = apiKey;
    }

    /// <summary>Base URL of the public API, e.g. <c>http://127.0.0.1:8080/public/v1</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Base URL of the control API, e.g. <c>http://127.0.0.1:8080/emulator/v1</c>.</summary>
    public string ControlUrl { get; }

    /// <summary>Address of the dashboard, e.g. <c>http://127.0.0.1:8080/ui</c> (sign in with the API key).</summary>
    public string DashboardUrl { get; }

    /// <summary>The first accepted API key (the value to send as <c>Authorization</c>).</summary>
    public string ApiKey { get; }

    /// <summary>Opens the store, seeds it when empty and starts listening.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var keys = options.ApiKeys.Count == 0 ? [EmulatorOptions.DefaultApiKey] : options.ApiKeys.ToList();
        var address = options.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);

        var store = DocumentStore.Open(options.DataPath);
        try
        {
            var clock = new Clock(options.TimeProvider);
            if (options.Seed == "demo" && store.IsEmpty)
            {
                DemoSeed.Load(store);
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(address, options.Port);
                k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
                k.AddServerHeader = false;
            });

            builder.Services.AddEmulatorOpenApi();
            var app = builder.Build();
            var services = new EmulatorServices(store, clock, options.Seed);
            services.Faults.LoadFile(options.FaultsFile);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Connect.Emulator");
            var apiKeys = new ApiKeys(keys);
            var dashboard = new EmulatorDashboard(services, apiKeys, keys);
            app.Use((context, next) => Pipeline.HandleErrorsAsync(context, next, logger));
            app.Use(Pipeline.TrimTrailingSlashAsync);
            app.Use((context, next) => UsageApi.ServeFilesAsync(context, next, services));
            app.Use(dashboard.InvokeAsync);
            app.Use((context, next) => Pipeline.AuthenticateAsync(context, next, apiKeys));
            app.Use((context, next) => Faults.FaultMiddleware.InvokeAsync(context, next, services.Faults));
            app.UseRouting();
            PublicApi.Map(app.MapGroup("/public/v1"), services);
            ControlApi.Map(app.MapGroup("/emulator/v1"), services);
            SeedApi.Map(app.MapGroup("/emulator/v1"), services);
            UsageApi.Map(app.MapGroup("/public/v1"), services);
            SubscriptionsApi.Map(app.MapGroup("/public/v1"), services);
            PlatformApi.Map(app.MapGroup("/public/v1"), services);
            Faults.FaultApi.Map(app.MapGroup("/emulator/v1"), services.Faults);
            dashboard.Map(app, app.Lifetime.ApplicationStopping);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var port = Pipeline.BoundPort(((IApplicationBuilder)app).ServerFeatures);
            // A wildcard address is not something to connect to; advertise loopback instead.
            var advertised = address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address;
            var host = advertised.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{advertised}]" : advertised.ToString();
            return new EmulatorHost(app, store, $"http://{host}:{port}", keys[0]);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The route patterns answering GET under <paramref name="prefix"/> (the contract tests check each one).</summary>
    internal IReadOnlyList<string> GetRoutes(string prefix) =>
        [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Stops listening, finishing requests in flight, and closes the store.</summary>
    /// <param name="cancellationToken">Cuts the graceful shutdown short.</param>
    /// <returns>A task that completes once stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _store.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
