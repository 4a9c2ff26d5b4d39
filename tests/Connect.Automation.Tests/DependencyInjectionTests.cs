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
    public async Task AddAutomation_FulfillmentHandlerWithDependencies_ProcessesRequests()
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
        services.AddAutomation<FulfillmentRequest, ActivateHandler>(o => o.MaxConcurrency = 3);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<AutomationEngine<FulfillmentRequest>>().ProcessAsync();

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
    public async Task AddAutomation_TierConfigHandler_FailsEveryPendingTierConfigRequest()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = emulator.Host.ApiKey;
        });
        services.AddAutomation<TierConfigRequest, RejectResellers>();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<AutomationEngine<TierConfigRequest>>().ProcessAsync();

        Assert.True(report.Failed >= 2);
        Assert.Equal(report.Processed, report.Failed);
    }

    [Fact]
    public async Task AddAutomation_ListingHandler_SeesEachListedListing()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = emulator.Host.ApiKey;
            o.Products = [EmulatorFixture.UsageProduct];
        });
        services.AddSingleton<AccountDirectory>();
        services.AddAutomation<UsageListing, ListingCounter>();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<AutomationEngine<UsageListing>>().ProcessAsync();

        Assert.Equal(2, report.Completed);
        Assert.Equal(2, provider.GetRequiredService<AccountDirectory>().Handlers.Count);
    }

    public sealed class ListingCounter(AccountDirectory directory) : IRequestHandler<UsageListing>
    {
        public Task<ProcessResult> HandleAsync(UsageListing listing, ItemContext context, CancellationToken cancellationToken)
        {
            lock (directory.Handlers)
            {
                directory.Handlers.Add(listing.Id!);
            }

            return Task.FromResult(ProcessResult.Complete());
        }
    }

    public sealed class AccountDirectory
    {
        public List<object> Handlers { get; } = [];

        public string NewAccountId(string requestId) => "ACC-" + requestId;
    }

    public sealed class ActivateHandler(AccountDirectory directory) : IRequestHandler<FulfillmentRequest>
    {
        public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
        {
            lock (directory.Handlers)
            {
                directory.Handlers.Add(this);
            }

            Assert.Same(directory, context.Services.GetRequiredService<AccountDirectory>());
            await context.UpdateParametersAsync([new Param { Id = "account_id", Value = directory.NewAccountId(request.Id!) }], cancellationToken: cancellationToken);
            return ProcessResult.ApproveWithTile("Your account: " + directory.NewAccountId(request.Id!));
        }
    }

    public sealed class RejectResellers : IRequestHandler<TierConfigRequest>
    {
        public Task<ProcessResult> HandleAsync(TierConfigRequest request, ItemContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ProcessResult.Fail("Resellers are not accepted"));
    }
}
