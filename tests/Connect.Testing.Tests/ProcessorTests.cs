using Connect.Processor;
using Connect.Sdk.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Testing.Tests;

/// <summary>The kit used as a vendor would: the processor against a seeded emulator, and end to end through the dispatcher.</summary>
public sealed class ProcessorTests(ConnectEmulatorFixture fixture) : IClassFixture<ConnectEmulatorFixture>
{
    [Fact]
    public async Task RunOnce_SeededPurchase_IsApprovedWithTheSubscriptionId()
    {
        await fixture.ResetAsync();
        var request = Requests.Purchase().WithItem("MPN-A", 5)
            .WithParameter("customer_email", "ops@acme.example")
            .WithFulfillmentParameter("subscription_id", required: true)
            .Build();
        await fixture.SeedAsync(request);
        using var host = ProcessorHost(fixture.ProcessorSettings());

        await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var processed = await ConnectAssert.RequestStatusAsync(fixture.Client, request.Id!, RequestStatus.Approved);
        ConnectAssert.ParameterValue(processed, "subscription_id", "SUB-" + request.Asset!.Id);
        await ConnectAssert.AssetStatusAsync(fixture.Client, request.Asset.Id!, AssetStatus.Active);
        await ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, request.Id!, RequestStatus.Approved, from: RequestStatus.Pending);
    }

    [Fact]
    public async Task RunOnce_SeededPurchaseWithoutEmail_IsInquiredWithAValueError()
    {
        await fixture.ResetAsync();
        var request = Requests.Purchase().WithParameter("customer_email", "").Build();
        await fixture.SeedAsync(request);
        using var host = ProcessorHost(fixture.ProcessorSettings());

        await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var processed = await ConnectAssert.RequestStatusAsync(fixture.Client, request.Id!, RequestStatus.Inquiring);
        ConnectAssert.ParameterValueError(processed, "customer_email", "Please give the customer's e-mail address.");
        await ConnectAssert.ConversationContainsAsync(fixture.Client, request.Id!, "status changed from pending to inquiring");
    }

    [Fact]
    public async Task ProvisionAsync_ProcessorRunning_PurchaseIsApprovedOnce()
    {
        await fixture.ResetAsync();
        var settings = fixture.ProcessorSettings();
        settings["mode"] = "Continuous";
        settings["intervalSeconds"] = "1";
        using var host = ProcessorHost(settings);
        await host.StartAsync();
        using var dispatcher = RequestDispatcher.FromEnvironment(fixture.Emulator, _ => null);

        var handled = await dispatcher.ProvisionAsync(Requests.Purchase().WithItem("MPN-B", 2)
            .WithParameter("customer_email", "e2e@acme.example").WithParameter("tenant_domain", "acme-e2e").Build());
        await host.StopAsync();

        ConnectAssert.Status(handled, RequestStatus.Approved);
        ConnectAssert.ParameterValue(handled, "subscription_id", "SUB-" + handled.Asset!.Id);
        await ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, handled.Id!, RequestStatus.Approved);
    }

    private static IHost ProcessorHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddConnectProcessor(builder.Configuration).AddFulfillmentHandler<DemoPurchaseHandler>(RequestType.Purchase);
        return builder.Build();
    }
}
