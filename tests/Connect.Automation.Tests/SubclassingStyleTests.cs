using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;
using Microsoft.Extensions.Logging;

namespace Connect.Automation.Tests;

/// <summary>The connect-sdk-style API (subclass and override, raise outcome exceptions) on the engine, against the real emulator.</summary>
public sealed class SubclassingStyleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FulfillmentAutomation_SubclassWithFilterAndHelpers_ApprovesAndInquires()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 2);
        var automation = new SeedFulfillment(client, ids[0], ids);

        var report = await automation.ProcessAsync();

        Assert.Equal(1, report.Approved);
        Assert.Equal(1, report.Inquired);
        Assert.Empty(report.Errors);
        Assert.Equal(new Query().Equal("status", "pending").In("id", ids).Compile(), automation.Listed);
        var approved = await client.Requests.GetAsync(ids[0]);
        Assert.Equal("approved", approved.Status);
        Assert.Equal("ACC-" + ids[0], approved.GetParam("account_id")!.Value);
        var inquired = await client.Requests.GetAsync(ids[1]);
        Assert.Equal("inquiring", inquired.Status);
        Assert.Equal("Please check", inquired.GetParam("account_id")!.ValueError);
    }

    [Fact]
    public async Task TierConfigAutomation_FailRequestException_FailsEveryPendingRequest()
    {
        using var client = emulator.NewClient();
        var automation = new SeedTierConfig(client);

        var report = await automation.ProcessAsync();

        Assert.True(report.Failed >= 2);
        Assert.Equal(report.Processed, report.Failed);
        Assert.Empty(report.Errors);
    }

    private sealed class SeedFulfillment(ConnectClient client, string approve, IReadOnlyList<string> ids)
        : FulfillmentAutomation(client, new AutomationOptions { MaxConcurrency = 2 })
    {
        public string? Listed { get; private set; }

        protected override async Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken)
        {
            if (request.Id != approve)
            {
                throw new InquireRequestException([new Param { Id = "account_id", ValueError = "Please check" }]);
            }

            await UpdateParametersAsync(request.Id!, [new Param { Id = "account_id", Value = "ACC-" + request.Id }], cancellationToken: cancellationToken);
            return ProcessResult.ApproveWithTile("Welcome");
        }

        protected override Query Filters()
        {
            var query = new Query().Equal("status", "pending").In("id", ids);
            Listed = query.Compile();
            return query;
        }
    }

    private sealed class SeedTierConfig(ConnectClient client) : TierConfigAutomation(client, null, (ILogger?)null)
    {
        protected override Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken) =>
            throw new FailRequestException("Resellers are not accepted");
    }
}
