using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Emulator;
using Connect.Processor;
using ExampleProcessor;
using ExampleProcessor.Vendor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Processor.Tests;

/// <summary>A demo-seeded emulator and a mock vendor API on 127.0.0.1, with helpers to build processor hosts against them.</summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    public const string TierProduct = "PRD-100-200-300";
    public const string UsageProduct = "PRD-400-500-600";

    private TestEnvironment(EmulatorHost emulator, MockVendorApi vendor)
    {
        Emulator = emulator;
        Vendor = vendor;
        Control = new HttpClient { BaseAddress = new Uri(emulator.ControlUrl + "/") };
        Control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        Api = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl + "/") };
        Api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
    }

    public EmulatorHost Emulator { get; }

    public MockVendorApi Vendor { get; }

    public HttpClient Control { get; }

    public HttpClient Api { get; }

    public static async Task<TestEnvironment> StartAsync()
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        var vendor = await MockVendorApi.StartAsync();
        return new TestEnvironment(emulator, vendor);
    }

    /// <summary>Settings for the demo product, as config.json would hold them.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["connectApiEndpoint"] = Emulator.BaseUrl,
            ["connectApiKey"] = Emulator.ApiKey,
            ["products:0"] = TierProduct,
            ["activationTemplateName"] = "Default Activation Template",
            ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
            ["inquireTemplateName"] = "Inquire Template",
            ["mode"] = "Once",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A host running the example processor (its handlers and the mock vendor) on these settings.</summary>
    public IHost ExampleHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool importVendor = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddExampleProcessor(builder.Configuration, Vendor.BaseUrl);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        if (importVendor)
        {
            var processor = host.Services.GetRequiredService<ConnectProcessor>();
            VendorSync.ImportAsync(processor.Client, host.Services.GetRequiredService<VendorClient>(), processor.Options.Products).GetAwaiter().GetResult();
        }

        return host;
    }

    /// <summary>A host with the given services only (no example handlers).</summary>
    public static IHost PlainHost(Dictionary<string, string?> settings, Action<ProcessorBuilder> handlers, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        handlers(builder.Services.AddConnectProcessor(builder.Configuration));
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public async Task<JsonObject> RequestAsync(string id) => (await Api.GetFromJsonAsync<JsonObject>($"requests/{id}"))!;

    public async Task<JsonObject> TierConfigRequestAsync(string id) => (await Api.GetFromJsonAsync<JsonObject>($"tier/config-requests/{id}"))!;

    /// <summary>The emulator's audit entries of one object, oldest first.</summary>
    public async Task<List<JsonObject>> AuditAsync(string? objectId = null)
    {
        var query = objectId is null ? "audit?limit=1000" : $"audit?object_id={objectId}&limit=1000";
        var entries = await Control.GetFromJsonAsync<JsonArray>(query);
        return [.. entries!.OfType<JsonObject>().OrderBy(e => e["seq"]!.GetValue<long>())];
    }

    /// <summary>Creates pending purchases through the control API.</summary>
    public async Task<List<string>> GenerateAsync(string productId, int count)
    {
        using var response = await Control.PostAsJsonAsync("requests/generate", new JsonObject { ["product_id"] = productId, ["count"] = count });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. body["ids"]!.AsArray().Select(i => i!.GetValue<string>())];
    }

    /// <summary>Creates one purchase of MPN-A for Acme under Northwind (tiers configured, so it is pending).</summary>
    public async Task<string> CreatePurchaseAsync(string tenant, string? email = "it@example.com")
    {
        var parameters = new JsonArray { new JsonObject { ["id"] = "tenant_domain", ["value"] = tenant } };
        if (email is not null)
        {
            parameters.Add(new JsonObject { ["id"] = "customer_email", ["value"] = email });
        }

        var body = new JsonObject
        {
            ["type"] = "purchase",
            ["product_id"] = TierProduct,
            ["customer_id"] = "TA-1000-0000-0001",
            ["tier1_id"] = "TA-2000-0000-0001",
            ["items"] = new JsonArray(new JsonObject { ["mpn"] = "MPN-A", ["quantity"] = "3" }),
            ["params"] = parameters,
        };
        using var response = await Control.PostAsJsonAsync("requests", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public static string? Param(JsonObject request, string id, string field = "value") =>
        request["asset"]!["params"]!.AsArray().OfType<JsonObject>().FirstOrDefault(p => p["id"]!.GetValue<string>() == id)?[field]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Api.Dispose();
        await Vendor.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
