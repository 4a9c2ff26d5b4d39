using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>Usage reporting and the usage-file workflow against the real emulator.</summary>
public sealed class UsageFileAutomationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Listing = "LST-400-500-601";
    private const string Contract = "CRD-10001-00001-00001";

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UsageAutomation_SubmitUsage_CreatesAndUploadsFileForListing()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var created = new List<UsageFile>();
        var engine = new SubmittingUsage(client, created);

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.Completed);
        var file = Assert.Single(created);
        var ready = await WaitForAsync(client, file.Id!, "ready");
        Assert.Equal(Contract, ready.Contract?.Id);
    }

    [Fact]
    public async Task UsageFileAutomation_DefaultFilter_SubmitsReadyFiles()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = await ReadyFileAsync(client);
        var engine = new DelegateUsageFile(client, (_, _, _) => Task.FromResult(ProcessResult.Submit()));

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Submitted);
        Assert.Equal("pending", (await client.UsageFiles.GetAsync(id)).Status);
        var audit = await emulator.AuditAsync(id);
        Assert.Contains(audit, e => e.From == "ready" && e.To == "pending");
    }

    [Fact]
    public async Task UsageFileAutomation_ProviderFlow_AcceptsThenCloses()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = await ReadyFileAsync(client);
        await client.UsageFiles.SubmitAsync(id);
        var accept = new DelegateUsageFile(client, (_, _, _) => Task.FromResult(ProcessResult.Accept("File looks good")),
            new AutomationOptions { Query = new Query().Equal("status", "pending") });
        var close = new DelegateUsageFile(client, (_, _, _) => Task.FromResult(ProcessResult.Close()),
            new AutomationOptions { Query = new Query().Equal("status", "accepted") });

        var accepted = await accept.ProcessAsync();
        var afterAccept = await client.UsageFiles.GetAsync(id);
        var closed = await close.ProcessAsync();

        Assert.Equal(1, accepted.Accepted);
        Assert.Equal(("accepted", "File looks good"), (afterAccept.Status, afterAccept.AcceptanceNote));
        Assert.Equal(1, closed.Closed);
        Assert.Equal("closed", (await client.UsageFiles.GetAsync(id)).Status);
    }

    [Fact]
    public async Task UsageFileAutomation_RejectAndDelete_WithSeedExceptions()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var toReject = await ReadyFileAsync(client);
        var toDelete = await ReadyFileAsync(client);
        await client.UsageFiles.SubmitAsync(toReject);
        var engine = new DelegateUsageFile(client, (file, _, _) => file.Status switch
        {
            "pending" => throw new RejectUsageFileException("Quantities look wrong"),
            "ready" => throw new DeleteUsageFileException("Not needed anymore"),
            _ => throw new SkipRequestException("Non controlled status"),
        }, new AutomationOptions { Query = new Query().In("id", [toReject, toDelete]) });

        var report = await engine.ProcessAsync();

        Assert.Equal((1, 1), (report.Rejected, report.Deleted));
        Assert.Equal("rejected", (await client.UsageFiles.GetAsync(toReject)).Status);
        Assert.Equal("deleted", (await client.UsageFiles.GetAsync(toDelete)).Status);
    }

    private static async Task<string> ReadyFileAsync(ConnectClient client)
    {
        var file = await client.SubmitUsageAsync(
            new UsageFile { Name = "test " + Guid.NewGuid().ToString("N"), Product = new Product { Id = EmulatorFixture.UsageProduct }, Contract = new Contract { Id = Contract } },
            Records());
        return (await WaitForAsync(client, file.Id!, "ready")).Id!;
    }

    private static async Task<UsageFile> WaitForAsync(ConnectClient client, string id, string status)
    {
        // Upload processing may be asynchronous (uploaded → processing → ready): poll a bounded number of times.
        for (var attempt = 0; ; attempt++)
        {
            var file = await client.UsageFiles.GetAsync(id);
            if (file.Status == status || attempt == 100)
            {
                Assert.Equal(status, file.Status);
                return file;
            }

            await Task.Delay(50);
        }
    }

    private static UsageRecord[] Records() =>
    [
        new()
        {
            RecordId = "r-" + Guid.NewGuid().ToString("N"),
            ItemSearchCriteria = "item.mpn",
            ItemSearchValue = "MPN-PPU-CALLS",
            Quantity = 10,
            StartTimeUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            EndTimeUtc = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc),
            AssetSearchCriteria = "asset.id",
            AssetSearchValue = "AS-0002-0001-0001",
        },
    ];

    private sealed class SubmittingUsage(ConnectClient client, List<UsageFile> created)
        : UsageAutomation(client, new AutomationOptions { Query = new Query().Equal("id", Listing) })
    {
        protected override async Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken)
        {
            var file = await SubmitUsageAsync(
                new UsageFile { Name = "sdk test", Product = new Product { Id = listing.Product!.Id }, Contract = new Contract { Id = listing.Contract!.Id } },
                Records(), cancellationToken: cancellationToken);
            created.Add(file);
        }
    }
}
