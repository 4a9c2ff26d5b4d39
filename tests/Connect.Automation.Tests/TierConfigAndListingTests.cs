using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>Tier config request outcomes and usage listings, against the real emulator.</summary>
public sealed class TierConfigAndListingTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessAsync_TierConfigApproveByTemplate_ApprovesEveryPendingRequest()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var pending = await PendingAsync(client);
        var engine = new DelegateTierConfig(client, (_, _, _) => Task.FromResult(ProcessResult.Approve(EmulatorFixture.TierTemplate)));

        var report = await engine.ProcessAsync();

        Assert.Equal(pending.Count, report.Approved);
        Assert.True(pending.Count >= 2);
        foreach (var id in pending)
        {
            var after = await client.TierConfigRequests.GetAsync(id);
            Assert.Equal("approved", after.Status);
            Assert.Equal(EmulatorFixture.TierTemplate, after.Template?.Id);
        }
    }

    [Fact]
    public async Task ProcessAsync_TierConfigApproveWithTile_ApprovesWithRepresentation()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var id = (await PendingAsync(client))[0];
        var engine = new DelegateTierConfig(client, (_, _, _) => Task.FromResult(ProcessResult.ApproveWithTile("# Reseller ready")),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Approved);
        Assert.Equal("approved", (await client.TierConfigRequests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_TierConfigInquire_UpdatesParamsThenInquires()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var id = (await PendingAsync(client))[0];
        var engine = new DelegateTierConfig(client, (_, _, _) => Task.FromResult(
            ProcessResult.Inquire([new Param { Id = "partner_number", ValueError = "Unknown partner number" }])),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Inquired);
        var after = await client.TierConfigRequests.GetAsync(id);
        Assert.Equal("inquiring", after.Status);
        Assert.Equal("Unknown partner number", after.Params!.Single(p => p.Id == "partner_number").ValueError);
    }

    [Fact]
    public async Task ProcessAsync_TierConfigFailAndSkip_FailsOneSkipsOtherOnce()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var pending = await PendingAsync(client);
        var (failId, skipId) = (pending[0], pending[1]);
        var engine = new DelegateTierConfig(client, (r, _, _) => Task.FromResult(
            r.Id == failId ? ProcessResult.Fail("Reseller is not known to us") : ProcessResult.Skip("Reseller onboarding in progress")),
            new AutomationOptions { Query = new Query().In("id", [failId, skipId]) });

        var first = await engine.ProcessAsync();
        var second = await engine.ProcessAsync();

        Assert.Equal((1, 1), (first.Failed, first.Skipped));
        Assert.Equal((0, 1), (second.Failed, second.Skipped));
        var failed = await client.TierConfigRequests.GetAsync(failId);
        Assert.Equal(("failed", "Reseller is not known to us"), (failed.Status, failed.Reason));
        Assert.Equal("pending", (await client.TierConfigRequests.GetAsync(skipId)).Status);
        var messages = await FulfillmentOutcomeTests.MessagesAsync(client, skipId);
        Assert.Single(messages, m => m == "Reseller onboarding in progress");
    }

    [Fact]
    public async Task ProcessAsync_TierConfigContext_GetsTierConfigAndRendersTemplate()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var engine = new DelegateFulfillment(client, async (r, context, ct) =>
        {
            var tier1 = r.Asset!.Tiers!.Tier1!.Id!;
            var config = await context.GetTierConfigAsync(tier1, r.Asset.Product!.Id!, ct);
            Assert.NotNull(config);
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-" + config.Id }], cancellationToken: ct);
            var tile = await context.RenderTemplateAsync(EmulatorFixture.ActivationTemplate, ct);
            return ProcessResult.ApproveWithTile(tile);
        }, new AutomationOptions { Query = new Query().Equal("id", "PR-0001-0001-0001-001") });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        var after = await client.Requests.GetAsync("PR-0001-0001-0001-001");
        Assert.Equal("approved", after.Status);
        Assert.Contains("SUB-TC-", after.ActivationKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_UsageListings_HandsEachListedListingOnce()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var seen = new List<string>();
        var engine = new DelegateUsage(client, (listing, _, _) =>
        {
            lock (seen)
            {
                seen.Add(listing.Id + " " + listing.Contract!.Id);
            }

            return listing.Id == "LST-400-500-602" ? throw new SkipRequestException("not this one") : Task.CompletedTask;
        });

        var report = await engine.ProcessAsync();

        Assert.Equal(["LST-400-500-601 CRD-10001-00001-00001", "LST-400-500-602 CRD-10002-00001-00001"], seen.Order());
        Assert.Equal(1, report.Completed);
        Assert.Equal(1, report.Skipped);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task ProcessAsync_UsageListingHandlerThrows_IsIsolated()
    {
        using var client = emulator.NewClient();
        var engine = new DelegateUsage(client, (listing, _, _) =>
            listing.Id == "LST-100-200-301" ? throw new InvalidOperationException("no usage source") : Task.CompletedTask);

        var report = await engine.ProcessAsync();

        Assert.Equal(4, report.Processed);
        Assert.Equal(3, report.Completed);
        Assert.Equal("LST-100-200-301", Assert.Single(report.Errors).Id);
    }

    private static async Task<List<string>> PendingAsync(ConnectClient client)
    {
        var ids = new List<string>();
        await foreach (var request in client.TierConfigRequests.ListAsync(new Query().Equal("status", "pending")))
        {
            ids.Add(request.Id!);
        }

        return ids;
    }
}
