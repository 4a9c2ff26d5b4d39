using Connect.Emulator;
using Connect.Sdk;
using Microsoft.Extensions.Logging;

namespace Connect.Samples;

/// <summary>
/// Where a sample runs: the Connect API named by <c>CONNECT_API_URL</c> and <c>CONNECT_API_KEY</c> (and optionally
/// <c>CONNECT_PRODUCTS</c>, comma-separated), or, when they are not set, an in-process emulator seeded with demo data.
/// </summary>
internal sealed class SampleEnvironment : IAsyncDisposable
{
    private readonly EmulatorHost? _emulator;
    private bool _disposed;

    private SampleEnvironment(ConnectClient client, ILoggerFactory loggerFactory, EmulatorHost? emulator)
    {
        Client = client;
        LoggerFactory = loggerFactory;
        _emulator = emulator;
    }

    public ConnectClient Client { get; }

    public ILoggerFactory LoggerFactory { get; }

    public bool IsEmulator => _emulator is not null;

    public static async Task<SampleEnvironment> StartAsync(string[] demoProducts)
    {
        // An application (not a library) configures logging: single-line console output with the item scopes.
        var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Connect.Sdk", LogLevel.Warning));

        var url = Environment.GetEnvironmentVariable("CONNECT_API_URL");
        var key = Environment.GetEnvironmentVariable("CONNECT_API_KEY");
        if (!string.IsNullOrWhiteSpace(url) && !string.IsNullOrWhiteSpace(key))
        {
            var products = (Environment.GetEnvironmentVariable("CONNECT_PRODUCTS") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Console.WriteLine($"Connect API: {url}");
            var client = new ConnectClient(new ConnectClientOptions { Endpoint = url, ApiKey = key, Products = [.. products] }, null, loggerFactory);
            return new SampleEnvironment(client, loggerFactory, null);
        }

        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        Console.WriteLine($"CONNECT_API_URL/CONNECT_API_KEY not set: started an in-process emulator with demo data at {emulator.BaseUrl}");
        var local = new ConnectClient(
            new ConnectClientOptions { Endpoint = emulator.BaseUrl, ApiKey = emulator.ApiKey, Products = [.. demoProducts] }, null, loggerFactory);
        return new SampleEnvironment(local, loggerFactory, emulator);
    }

    public static void Print(Connect.Automation.AutomationReport report)
    {
        Console.WriteLine();
        Console.WriteLine("Outcomes:");
        foreach (var item in report.Items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {item.Id,-24} {item.Type,-12} {item.Outcome}");
        }

        foreach (var error in report.Errors)
        {
            Console.WriteLine($"  error on {error.Id}: {error.Message}");
        }

        Console.WriteLine($"Report: {report}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        LoggerFactory.Dispose();
    }
}
