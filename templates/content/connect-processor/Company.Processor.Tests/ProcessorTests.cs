using Connect.Automation;
using Connect.Processor;
using Connect.Sdk.Models;
using Connect.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Company.Processor.Tests;

/// <summary>
/// The processor against the Connect emulator (in-process, 127.0.0.1, demo data, reset before each test): its product
/// PRD-100-200-300 has the parameters and templates these handlers use. Point the settings at your own product once you
/// change the handlers. Written with Connect.Testing (builders, the emulator fixture, assertions, offline handler runs).
/// </summary>
public sealed class ProcessorTests(ConnectEmulatorFixture fixture) : IClassFixture<ConnectEmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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

        var approved = await ConnectAssert.RequestStatusAsync(fixture.Client, "PR-0001-0001-0001-001", RequestStatus.Approved);
        ConnectAssert.ParameterValue(approved, Globals.SubscriptionIdParameter, "AS-0001-0001-0001");
        await ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, "PR-0001-0001-0001-001", RequestStatus.Approved);
    }

    [Fact]
    public async Task RunOnce_BuiltPurchase_IsApproved()
    {
        var request = Requests.Purchase().WithItem("MPN-A", 3).WithParameter("customer_email", "it@acme.example")
            .WithParameter("tenant_domain", "acme-built").WithFulfillmentParameter(Globals.SubscriptionIdParameter, required: true)
            .WithFulfillmentParameter(Globals.ParamBParameter).Build();
        await fixture.SeedAsync(request);
        using var host = BuildHost();

        await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var approved = await ConnectAssert.RequestStatusAsync(fixture.Client, request.Id!, RequestStatus.Approved);
        ConnectAssert.ParameterValue(approved, Globals.SubscriptionIdParameter, request.Asset!.Id);
    }

    [Fact]
    public async Task Purchase_Offline_SavesTheSubscriptionIdAndApproves()
    {
        await using var runner = new HandlerRunner();
        var request = Requests.Purchase().ForAsset("AS-1234-5678-9012")
            .WithFulfillmentParameter(Globals.SubscriptionIdParameter, required: true).WithFulfillmentParameter(Globals.ParamBParameter).Build();

        var run = await runner.RunAsync(new Purchase(), request);

        Assert.Equal(ProcessAction.Approve, run.Outcome.Action);
        ConnectAssert.ParameterValue(run.Item, Globals.SubscriptionIdParameter, "AS-1234-5678-9012");
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
        var request = Requests.Purchase().WithParameter("customer_email", "not-an-email", p => p.Type = "email").Build();

        var errors = await new DynamicValidation().ValidateAsync(request);

        Assert.Equal("customer_email", Assert.Single(errors).ParameterId);
    }

    private static AutomationOutcome Outcome(ProcessorRunReport report, string id) => report.Requests.Single(r => r.Id == id).Outcome;

    private IHost BuildHost(params (string Key, string Value)[] overrides)
    {
        var settings = fixture.ProcessorSettings();
        settings["dayToReportUsage"] = "1";
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
