// The example processor (the Python Processor SDK template's example project): processes the pending tier config and fulfillment requests of the
// demo product, calling a mock vendor API, and prints a summary. With no Connect credentials configured it starts the
// embedded emulator seeded with demo data; with connectApiEndpoint/connectApiKey (config.json, appsettings.json or
// CONNECT_API_URL/CONNECT_API_KEY) it runs against that Connect instead.
//
//   dotnet run --project samples/ExampleProcessor                 # once, against the embedded emulator
//   dotnet run --project samples/ExampleProcessor -- --interval 10  # continuous, every 10 s (Ctrl+C stops)
using Connect.Emulator;
using Connect.Processor;
using ExampleProcessor;
using ExampleProcessor.Output;
using ExampleProcessor.Vendor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

var console = AnsiConsole.Console;
var interactive = !Console.IsOutputRedirected;
if (!interactive)
{
    console.Profile.Width = 140;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddConnectProcessorConfiguration(args, AppContext.BaseDirectory);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

await using var resources = new Resources();
string target;
if (string.IsNullOrWhiteSpace(builder.Configuration["connectApiEndpoint"]) || string.IsNullOrWhiteSpace(builder.Configuration["connectApiKey"]))
{
    resources.Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["connectApiEndpoint"] = resources.Emulator.BaseUrl,
        ["connectApiKey"] = resources.Emulator.ApiKey,
    });
    target = $"the embedded emulator ({resources.Emulator.BaseUrl}, demo seed)";
}
else
{
    // Shown only when it is a URL: a value that is not may be the key, put in the endpoint's place.
    var endpoint = builder.Configuration["connectApiEndpoint"]!;
    target = endpoint.Contains("://", StringComparison.Ordinal) && !endpoint.Any(char.IsWhiteSpace) ? endpoint : "(connectApiEndpoint, not a URL: not shown)";
}

Uri vendorApi;
if (builder.Configuration["vendorApiUrl"] is { Length: > 0 } vendorUrl)
{
    vendorApi = new Uri(vendorUrl.TrimEnd('/') + "/");
}
else
{
    resources.Vendor = await MockVendorApi.StartAsync();
    vendorApi = resources.Vendor.BaseUrl;
}

var progress = new ConsoleProgress(console, interactive);
builder.Services.AddSingleton<IProcessorObserver>(progress);
builder.Services.AddExampleProcessor(builder.Configuration, vendorApi);
using var host = builder.Build();

console.MarkupLine($"[bold]Connect example processor[/] on {Markup.Escape(target)}; vendor API {Markup.Escape(vendorApi.ToString())}");
var execution = host.Services.GetRequiredService<ProcessorExecution>();
int exitCode;
try
{
    if (resources.Vendor is not null)
    {
        // The mock vendor starts empty: give it the subscriptions Connect already has, as the real vendor system would.
        try
        {
            var processor = host.Services.GetRequiredService<ConnectProcessor>();
            var imported = await VendorSync.ImportAsync(processor.Client, host.Services.GetRequiredService<VendorClient>(), processor.Options.Products);
            console.WriteLine($"Mock vendor API: {imported} existing subscription(s) imported from Connect.");
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            // Reported by RunProcessorAsync below, naming the setting.
        }
    }

    exitCode = await progress.RunAsync(() => host.RunProcessorAsync());
}
catch (Exception ex) when (KeyRefusal.Find(ex) is { } refused)
{
    // A wrong or revoked key is a configuration error: one line (never the key), the configuration exit code.
    await Console.Error.WriteLineAsync("error: " + KeyRefusal.Describe(refused));
    return ProcessorHostExtensions.ConfigurationErrorExitCode;
}

if (execution.Reports.Count > 0)
{
    SummaryTable.Write(console, execution.Reports, target);
}

console.WriteLine($"Exit code {exitCode}.");
return exitCode;

/// <summary>The in-process servers the example starts, stopped at exit.</summary>
internal sealed class Resources : IAsyncDisposable
{
    public EmulatorHost? Emulator { get; set; }

    public MockVendorApi? Vendor { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Vendor is not null)
        {
            await Vendor.DisposeAsync();
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
