using System.Text.Json.Nodes;
using Connect.Automation;
using Connect.Emulator;
using Connect.Sdk;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

/// <summary>
/// Processor replicas and a processor killed mid-run: each processor is a separate OS process running the
/// Connect.Processor host (ProcessorHost/Program.cs) in continuous mode against one emulator.
/// </summary>
public sealed class ProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ThreeReplicas_RacingUnsharded_TransitionEachRequestExactlyOnce()
    {
        var n = Checks.Size(300, 2000);
        var dir = Directory.CreateTempSubdirectory("connect-replicas-");
        try
        {
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = Path.Combine(dir.FullName, "replicas.db") });
            using var control = new Control(emulator);
            var ids = await control.GenerateAsync(ApproveListed.Product, n);
            var config = ProcessorProcess.WriteConfig(dir.FullName, maxConcurrency: 4);
            // A little latency on every call keeps the three replicas overlapping.
            await control.SetFaultsAsync(JsonNode.Parse("""{"seed":7,"rules":[{"route":"/public/v1/**","kind":"latency","errorRate":0.5,"latencyMs":1,"jitterMs":4}]}""")!);

            var replicas = Enumerable.Range(0, 3).Select(_ => ProcessorProcess.Start(emulator.BaseUrl, emulator.ApiKey, ApproveListed.Product, config)).ToList();
            try
            {
                await WaitForApprovalsAsync(control, ids, ids.Count, [.. replicas]);
                var codes = await Task.WhenAll(replicas.Select(r => r.StopAsync(StopTimeout)));
                for (var i = 0; i < replicas.Count; i++)
                {
                    output.WriteLine($"replica {i}: exit {codes[i]}, {replicas[i].Runs()} run(s)\n{Summary(replicas[i])}");
                }

                Assert.All(codes, code => Assert.Equal(0, code));

                // The runs' reports: each generated request approved by exactly one replica, n in all.
                var set = ids.ToHashSet(StringComparer.Ordinal);
                var approvedBy = replicas
                    .SelectMany((r, i) => r.Outcomes().Where(o => o.Outcome == AutomationOutcome.Approved && set.Contains(o.Id)).Select(o => (o.Id, Replica: i)))
                    .GroupBy(o => o.Id)
                    .ToDictionary(g => g.Key, g => g.Count());
                Assert.Equal(n, approvedBy.Count);
                Assert.True(approvedBy.Values.All(c => c == 1), "reported approved by more than one replica: " + string.Join(", ", approvedBy.Where(p => p.Value > 1).Select(p => p.Key).Take(10)));
                output.WriteLine("approved per replica: " + string.Join(" + ", replicas.Select(r => r.Outcomes().Count(o => o.Outcome == AutomationOutcome.Approved && set.Contains(o.Id)))) + " = " + n);
            }
            finally
            {
                replicas.ForEach(r => r.Dispose());
            }

            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(await control.AuditAsync(), ids);
            Assert.Equal(0, await CountPendingAsync(emulator, ids));
            output.WriteLine($"replicas N={n}: approvals {approvals}, duplicates {duplicates}, lost {lost}, pending 0");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Processor_KilledMidRunAndRestarted_HandlesEachRequestExactlyOnce()
    {
        const int firstConcurrency = 2;
        var n = Checks.Size(300, 2000);
        var dir = Directory.CreateTempSubdirectory("connect-crash-");
        try
        {
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = Path.Combine(dir.FullName, "crash.db") });
            using var control = new Control(emulator);
            var ids = await control.GenerateAsync(ApproveListed.Product, n);
            var set = ids.ToHashSet(StringComparer.Ordinal);
            // Slow enough that the kill lands in the middle of the run.
            await control.SetFaultsAsync(JsonNode.Parse("""{"seed":9,"rules":[{"route":"/public/v1/**","kind":"latency","latencyMs":5,"jitterMs":5}]}""")!);

            int approvedBeforeKill;
            using (var first = ProcessorProcess.Start(emulator.BaseUrl, emulator.ApiKey, ApproveListed.Product, ProcessorProcess.WriteConfig(dir.FullName, firstConcurrency)))
            {
                approvedBeforeKill = await WaitForApprovalsAsync(control, ids, Math.Max(5, n / 10), first);
                first.Process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, requests in flight cut off
                await first.Process.WaitForExitAsync();
                output.WriteLine($"SIGKILL after {approvedBeforeKill} approvals; exit {first.Process.ExitCode}:\n{Summary(first)}");
                Assert.NotEqual(0, first.Process.ExitCode);
            }

            Assert.InRange(approvedBeforeKill, 1, n - 1);
            await control.ClearFaultsAsync();
            var beforeRestart = await control.AuditAsync();
            var lastSeqBeforeRestart = beforeRestart.Count == 0 ? 0 : beforeRestart.Max(e => e.Seq);
            var committedByFirst = ApprovedIds(beforeRestart, set);
            Assert.InRange(committedByFirst.Count, approvedBeforeKill, n - 1);

            using var second = ProcessorProcess.Start(emulator.BaseUrl, emulator.ApiKey, ApproveListed.Product, ProcessorProcess.WriteConfig(dir.FullName, 4));
            await WaitForApprovalsAsync(control, ids, n, second);
            var code = await second.StopAsync(StopTimeout);
            output.WriteLine($"restarted, exit {code}, {second.Runs()} run(s):\n{Summary(second)}");
            Assert.Equal(0, code);

            var audit = await control.AuditAsync();
            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(audit, ids);
            Assert.Equal(0, await CountPendingAsync(emulator, ids));

            // The restarted process's reports: it approved only requests the killed one had not committed, and every one of
            // those except the few the killed process had in flight (committed by the emulator after the kill was observed).
            var approvedBySecond = second.Outcomes().Where(o => o.Outcome == AutomationOutcome.Approved && set.Contains(o.Id)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var approvedAfterRestart = ApprovedIds(audit.Where(e => e.Seq > lastSeqBeforeRestart), set);
            Assert.Empty(approvedBySecond.Intersect(committedByFirst));
            Assert.Subset(approvedAfterRestart, approvedBySecond);
            Assert.InRange(approvedAfterRestart.Count - approvedBySecond.Count, 0, firstConcurrency);
            output.WriteLine($"crash N={n}: approvals {approvals} ({committedByFirst.Count} by the killed process, {approvedBySecond.Count} reported by the restarted one), duplicates {duplicates}, lost {lost}, pending 0");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Polls the audit until at least <paramref name="atLeast"/> of the ids are approved (bounded: 4 minutes).</summary>
    internal static async Task<int> WaitForApprovalsAsync(Control control, IReadOnlyCollection<string> ids, int atLeast, params ProcessorProcess[] processes)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + DrainTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var approved = ApprovedIds(await control.AuditAsync(), set).Count;
            if (approved >= atLeast)
            {
                return approved;
            }

            foreach (var process in processes)
            {
                Assert.False(process.Process.HasExited, "the processor exited early:\n" + process.Output);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"fewer than {atLeast} approvals after {DrainTimeout}:\n" + string.Join("\n---\n", processes.Select(p => p.Output)));
        return 0;
    }

    private static HashSet<string> ApprovedIds(IEnumerable<AuditEntry> audit, IReadOnlySet<string> ids) =>
        audit.Where(e => e.Collection == "requests" && e.To == "approved" && ids.Contains(e.ObjectId)).Select(e => e.ObjectId).ToHashSet(StringComparer.Ordinal);

    private static async Task<int> CountPendingAsync(EmulatorHost emulator, IReadOnlyCollection<string> ids)
    {
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        return await ChaosTests.CountPendingAsync(client, ids.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The host's output without the per-request lines (run reports, errors, logs).</summary>
    private static string Summary(ProcessorProcess process) => string.Join(
        "\n",
        process.Output.Split('\n').Where(line => !line.StartsWith("Approved ", StringComparison.Ordinal) && !line.StartsWith("AlreadyHandled ", StringComparison.Ordinal)).Take(60));
}
