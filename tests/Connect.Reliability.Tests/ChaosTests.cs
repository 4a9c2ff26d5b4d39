using System.Diagnostics;
using Connect.Automation;
using Connect.Emulator;
using Connect.Reliability.Worker;
using Connect.Sdk;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FulfillmentAutomation_TwentyPercentFaultsOfEveryKind_ApprovesEachRequestExactlyOnce()
    {
        var n = Checks.Size(300, 2000);
        var dir = Directory.CreateTempSubdirectory("connect-chaos-");
        try
        {
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = Path.Combine(dir.FullName, "chaos.db") });
            using var control = new Control(emulator);
            var ids = (await control.GenerateAsync(ApproveListed.Product, n)).ToHashSet(StringComparer.Ordinal);
            await control.SetFaultsAsync(Checks.ChaosFaults(seed: 42));

            using var client = new ConnectClient(new ConnectClientOptions
            {
                Endpoint = emulator.BaseUrl,
                ApiKey = emulator.ApiKey,
                Products = [ApproveListed.Product],
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 8,
            });
            var watch = Stopwatch.StartNew();
            var result = await ApproveListed.DrainAsync(
                () => new ApproveListed(client, ids, new AutomationOptions { MaxConcurrency = 8 }), maxRuns: 10, output.WriteLine);
            watch.Stop();

            var faults = await control.GetFaultsAsync();
            await control.ClearFaultsAsync();
            var audit = await control.AuditAsync();
            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(audit, ids);
            var stillPending = await CountPendingAsync(client, ids);

            output.WriteLine($"chaos N={n}: {result}; {Checks.FaultSummary(faults)}; approvals {approvals}, duplicates {duplicates}, lost {lost}, pending {stillPending}, {watch.Elapsed.TotalSeconds:F1} s");
            Assert.True(result.Finished, result.ToString());
            Assert.Equal(0, stillPending);
            Assert.Equal(n, result.Approved + result.AlreadyHandled);
            // Every kind was exercised, so the run proves something about each.
            foreach (var kind in new[] { "error", "throttle", "latency", "reset", "failAfterCommit" })
            {
                Assert.True(faults["injected"]![kind]!.GetValue<int>() > 0, kind + " never injected");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static async Task<int> CountPendingAsync(ConnectClient client, IReadOnlySet<string> ids)
    {
        var pending = 0;
        await foreach (var request in client.Requests.ListAsync(new Query().Equal("status", "pending")))
        {
            if (request.Id is not null && ids.Contains(request.Id))
            {
                pending++;
            }
        }

        return pending;
    }
}
