using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Automation;
using Connect.Emulator;
using Connect.Processor;
using Connect.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Connect.Sdk.Models;

namespace Company.Processor.Tests;

/// <summary>
/// The processor against the Connect emulator (in-process, 127.0.0.1, demo data): its product PRD-100-200-300 has the
/// parameters and templates these handlers use. Point the settings at your own product once you change the handlers.
/// </summary>
public sealed class ProcessorTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task RunOnce_DemoData_ProcessesTierConfigRequestsThenRequests()
    {
        using var host = BuildHost();

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.False(report.HasUnexpectedFailures, report.ToString());
        Assert.Equal(2, report.Requests.Count(r => r.Stage == ProcessorStage.TierConfigRequests && r.Outcome == AutomationOutcome.Approved));
        Assert.Equal(AutomationOutcome.Approved, Outcome(report, "PR-0001-0001-0001-001"));
        Assert.Equal(AutomationOutcome.Inquired, Outcome(report, "PR-0001-0001-0002-001"));
        Assert.Equal(AutomationOutcome.Approved, Outcome(report, "PR-0001-0001-0007-001"));
        foreach (var id in new[] { "PR-0001-0001-0003-002", "PR-0001-0001-0004-002", "PR-0001-0001-0005-003", "PR-0001-0001-0006-002" })
        {
            Assert.Equal(AutomationOutcome.Approved, Outcome(report, id));
        }

        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", _emulator.ApiKey);
        var approved = await http.GetFromJsonAsync<JsonObject>($"{_emulator.BaseUrl}/requests/PR-0001-0001-0001-001");
        Assert.Equal("approved", approved!["status"]!.GetValue<string>());
        Assert.Contains(approved["asset"]!["params"]!.AsArray(), p => p!["id"]!.GetValue<string>() == Globals.SubscriptionIdParameter && p["value"]!.GetValue<string>() == "AS-0001-0001-0001");
    }

    [Fact]
    public async Task RunProcessorAsync_OnceMode_ExitsZero()
    {
        using var host = BuildHost();

        Assert.Equal(0, await host.RunProcessorAsync());
    }

    [Fact]
    public async Task StartAsync_MissingApiKey_FailsNamingTheSetting()
    {
        using var host = BuildHost(("connectApiKey", ""));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("connectApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_BadEmail_ReturnsError()
    {
        var request = new FulfillmentRequest
        {
            Asset = new Asset { Params = [new Param { Id = "customer_email", Phase = "ordering", Type = "email", Value = "not-an-email" }] },
        };

        var errors = await new DynamicValidation().ValidateAsync(request);

        Assert.Equal("customer_email", Assert.Single(errors).ParameterId);
    }

    private static AutomationOutcome Outcome(ProcessorRunReport report, string id) => report.Requests.Single(r => r.Id == id).Outcome;

    private IHost BuildHost(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["connectApiEndpoint"] = _emulator.BaseUrl,
            ["connectApiKey"] = _emulator.ApiKey,
            ["products:0"] = "PRD-100-200-300",
            ["activationTemplateName"] = "Default Activation Template",
            ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
            ["dayToReportUsage"] = "1",
            ["mode"] = "Once",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddProcessor(builder.Configuration);
        return builder.Build();
    }
}
