using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Connect.Sdk.Models;

namespace Connect.Automation.Tests;

/// <summary>Engines built from DI with handler classes, against the real emulator.</summary>
public sealed class DependencyInjectionTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddFulfillmentAutomation_HandlerWithDependencies_ProcessesRequests()
    {
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 5);
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = emulator.Host.ApiKey;
            o.Products = [EmulatorFixture.UsageProduct];
        });
        services.AddSingleton<AccountDirectory>();
        services.AddFulfillmentAutomation<ActivateHandler>(o => o.MaxConcurrency = 3);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<FulfillmentAutomation>().ProcessAsync();

        Assert.Equal(6, report.Approved);
        Assert.Empty(report.Errors);
        var directory = provider.GetRequiredService<AccountDirectory>();
        Assert.Equal(6, directory.Handlers.Distinct().Count());
        using var client = emulator.NewClient();
        foreach (var id in ids)
        {
            Assert.Equal("approved", (await client.Requests.GetAsync(id)).Status);
        }
    }

    [Fact]
    public async Task AddTierConfigAutomation_Handler_FailsEveryPendingTierConfigRequest()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = emulator.Host.ApiKey;
        });
        services.AddTierConfigAutomation<RejectResellers>();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<TierConfigAutomation>().ProcessAsync();

        Assert.True(report.Failed >= 2);
        Assert.Equal(report.Processed, report.Failed);
    }

    [Fact]
    public async Task AddUsageAutomation_Handler_SeesEachListedListing()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = emulator.Host.ApiKey;
            o.Products = [EmulatorFixture.UsageProduct];
        });
        services.AddSingleton<AccountDirectory>();
        services.AddUsageAutomation<ListingCounter>();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<UsageAutomation>().ProcessAsync();

        Assert.Equal(2, report.Completed);
        Assert.Equal(2, provider.GetRequiredService<AccountDirectory>().Handlers.Count);
    }

    public sealed class ListingCounter(AccountDirectory directory) : IUsageHandler
    {
        public Task HandleAsync(UsageListing listing, AutomationContext context, CancellationToken cancellationToken)
        {
            lock (directory.Handlers)
            {
                directory.Handlers.Add(listing.Id!);
            }

            return Task.CompletedTask;
        }
    }

    public sealed class AccountDirectory
    {
        public List<object> Handlers { get; } = [];

        public string NewAccountId(string requestId) => "ACC-" + requestId;
    }

    public sealed class ActivateHandler(AccountDirectory directory) : IFulfillmentHandler
    {
        public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, AutomationContext context, CancellationToken cancellationToken)
        {
            lock (directory.Handlers)
            {
                directory.Handlers.Add(this);
            }

            await context.UpdateParametersAsync([new Param { Id = "account_id", Value = directory.NewAccountId(request.Id!) }], cancellationToken: cancellationToken);
            return ProcessResult.ApproveWithTile("Your account: " + directory.NewAccountId(request.Id!));
        }
    }

    public sealed class RejectResellers : ITierConfigHandler
    {
        public Task<ProcessResult> HandleAsync(TierConfigRequest request, AutomationContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ProcessResult.Fail("Resellers are not accepted"));
    }
}
