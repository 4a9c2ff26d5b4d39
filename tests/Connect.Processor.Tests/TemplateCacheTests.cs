using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Processor.Tests;

/// <summary>Template lookup by name, cached per run.</summary>
public sealed class TemplateCacheTests
{
    [Fact]
    public async Task GetIdAsync_SameNameTwice_LooksUpOnce()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = env.Emulator.BaseUrl, ApiKey = env.Emulator.ApiKey });
        var cache = new TemplateCache(client);

        var first = await cache.GetIdAsync(TestEnvironment.TierProduct, "Default Activation Template", "asset", default);
        var second = await cache.GetIdAsync(TestEnvironment.TierProduct, "Default Activation Template", "asset", default);
        var tier1 = await cache.GetIdAsync(TestEnvironment.TierProduct, "Tier1 Activation Template", "tier1", default);

        Assert.Equal("TL-100-200-301", first);
        Assert.Equal(first, second);
        Assert.Equal("TL-100-200-302", tier1);
        Assert.Equal(2, cache.Lookups);
    }

    [Fact]
    public async Task GetIdAsync_WrongScopeOrName_ThrowsNamingProductAndTemplate()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = env.Emulator.BaseUrl, ApiKey = env.Emulator.ApiKey });
        var cache = new TemplateCache(client);

        var error = await Assert.ThrowsAsync<TemplateNotFoundException>(() => cache.GetIdAsync(TestEnvironment.TierProduct, "Tier1 Activation Template", "asset", default));

        Assert.Contains("PRD-100-200-300", error.Message);
        Assert.Contains("'Tier1 Activation Template'", error.Message);
        await Assert.ThrowsAsync<TemplateNotFoundException>(() => cache.GetIdAsync(TestEnvironment.TierProduct, "No Such Template", "asset", default));
    }

    [Fact]
    public async Task RunOnce_TemplateNameMissing_RequestErrorsAndExitCodeIsOne()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings(("activationTemplateName", "Renamed Template")));

        var report = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ConnectProcessor>(host.Services).RunOnceAsync();

        Assert.True(report.HasUnexpectedFailures);
        var error = report.Errors.First(e => e.Id == "PR-0001-0001-0001-001");
        Assert.Contains("Renamed Template", error.Message);
    }
}
