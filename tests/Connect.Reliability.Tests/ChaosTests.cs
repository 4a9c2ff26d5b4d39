using System.Diagnostics;
using Connect.Automation;
using Connect.Emulator;
using Connect.Sdk;
using Xunit.Abstractions;
using Connect.Sdk.Rql;

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

            var options = new ConnectClientOptions
            {
                Endpoint = emulator.BaseUrl,
                ApiKey = emulator.ApiKey,
                Products = [ApproveListed.Product],
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 8,
            };
            // The SDK's own pipeline between two counters: calls made (outer) and attempts sent (inner); the difference is retries.
            var attempts = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
            var calls = new CountingHandler { InnerHandler = ConnectClient.CreateHttpMessageHandler(options, attempts) };
            using var client = new ConnectClient(options, new HttpClient(calls));
            var watch = Stopwatch.StartNew();
            var result = await ApproveListed.DrainAsync(
                () => new ApproveListed(client, ids, new AutomationOptions { MaxConcurrency = 8 }), maxRuns: 10, output.WriteLine);
            watch.Stop();

            var faults = await control.GetFaultsAsync();
            await control.ClearFaultsAsync();
            var audit = await control.AuditAsync();
            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(audit, ids);
            var stillPending = await CountPendingAsync(client, ids);

            output.WriteLine($"chaos N={n}: {result}; {Checks.FaultSummary(faults)}; calls {calls.Count}, attempts {attempts.Count}, retries {attempts.Count - calls.Count}; approvals {approvals}, duplicates {duplicates}, lost {lost}, pending {stillPending}, {watch.Elapsed.TotalSeconds:F1} s");
            Assert.True(result.Finished, result.ToString());
            Assert.Equal(0, stillPending);
            Assert.True(attempts.Count > calls.Count, "the faults caused no retry");
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

/// <summary>Counts the requests that pass through it.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
