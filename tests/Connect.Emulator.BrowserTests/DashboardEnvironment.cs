using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Processor;
using ExampleProcessor;
using ExampleProcessor.Vendor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Connect.Emulator.BrowserTests;

/// <summary>
/// A demo-seeded emulator and the example processor's mock vendor API on 127.0.0.1, and a browser page signed in to
/// the emulator's dashboard.
/// </summary>
internal sealed class DashboardEnvironment : IAsyncDisposable
{
    public const string TierProduct = "PRD-100-200-300";

    private bool _vendorImported;

    private DashboardEnvironment(EmulatorHost emulator, MockVendorApi vendor, IBrowserContext context, IPage page)
    {
        Emulator = emulator;
        Vendor = vendor;
        Context = context;
        Page = page;
        Api = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl + "/") };
        Api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        Control = new HttpClient { BaseAddress = new Uri(emulator.ControlUrl + "/") };
        Control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
    }

    public EmulatorHost Emulator { get; }

    public MockVendorApi Vendor { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public HttpClient Api { get; }

    public HttpClient Control { get; }

    public static async Task<DashboardEnvironment> StartAsync(BrowserFixture browser)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        var vendor = await MockVendorApi.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var environment = new DashboardEnvironment(emulator, vendor, context, page);
        await environment.SignInAsync();
        return environment;
    }

    /// <summary>Opens the dashboard, which answers with the sign-in form, and enters the API key.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync(Emulator.DashboardUrl + "/requests");
        await Page.Locator("input[name=key]").FillAsync(Emulator.ApiKey);
        await Page.Locator("form[action='/ui/login'] button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync("**/ui/requests");
        await WaitLiveAsync();
    }

    /// <summary>Waits until the page's event stream is connected (the header's indicator reads "live").</summary>
    public Task WaitLiveAsync() => Assertions.Expect(Page.Locator("#live")).ToHaveTextAsync("live");

    /// <summary>Runs the example processor once against the emulator, in process (its own registration).</summary>
    public async Task RunProcessorOnceAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["connectApiEndpoint"] = Emulator.BaseUrl,
            ["connectApiKey"] = Emulator.ApiKey,
            ["products:0"] = TierProduct,
            ["activationTemplateName"] = "Default Activation Template",
            ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
            ["inquireTemplateName"] = "Inquire Template",
            ["mode"] = "Once",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddExampleProcessor(builder.Configuration, Vendor.BaseUrl);
        using var host = builder.Build();
        var processor = host.Services.GetRequiredService<ConnectProcessor>();
        if (!_vendorImported)
        {
            // The mock vendor starts empty: give it the subscriptions the demo seed has, once, as Program does.
            await VendorSync.ImportAsync(processor.Client, host.Services.GetRequiredService<VendorClient>(), processor.Options.Products);
            _vendorImported = true;
        }

        var report = await processor.RunOnceAsync();
        Assert.False(report.HasUnexpectedFailures, report.ToString());
    }

    public async Task<JsonObject> RequestAsync(string id) => (await Api.GetFromJsonAsync<JsonObject>($"requests/{id}"))!;

    /// <summary>Saves a screenshot of the page under the artifacts folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(Chromium.ArtifactsDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Control.Dispose();
        await Context.DisposeAsync();
        await Vendor.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
