using System.Text.Json.Nodes;
using Connect.Emulator;
using Connect.Reliability.Worker;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

/// <summary>Processor replicas and a processor killed mid-run: separate OS processes on one emulator.</summary>
public sealed class ProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(4);

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
            var idsFile = Path.Combine(dir.FullName, "ids.txt");
            await File.WriteAllLinesAsync(idsFile, ids);
            // A little latency on every call keeps the three replicas overlapping.
            await control.SetFaultsAsync(JsonNode.Parse("""{"seed":7,"rules":[{"route":"/public/v1/**","kind":"latency","errorRate":0.5,"latencyMs":1,"jitterMs":4}]}""")!);

            var workers = Enumerable.Range(0, 3).Select(_ => WorkerProcess.Start(emulator.BaseUrl, emulator.ApiKey, idsFile)).ToList();
            try
            {
                var codes = await Task.WhenAll(workers.Select(w => w.WaitAsync(WorkerTimeout)));
                for (var i = 0; i < workers.Count; i++)
                {
                    output.WriteLine($"replica {i} exit {codes[i]}:\n{workers[i].Output}");
                }

                Assert.All(codes, code => Assert.Equal(0, code));
            }
            finally
            {
                workers.ForEach(w => w.Dispose());
            }

            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(await control.AuditAsync(), ids);
            output.WriteLine($"replicas N={n}: approvals {approvals}, duplicates {duplicates}, lost {lost}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Processor_KilledMidRunAndRestarted_HandlesEachRequestExactlyOnce()
    {
        var n = Checks.Size(300, 2000);
        var dir = Directory.CreateTempSubdirectory("connect-crash-");
        try
        {
            await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = Path.Combine(dir.FullName, "crash.db") });
            using var control = new Control(emulator);
            var ids = await control.GenerateAsync(ApproveListed.Product, n);
            var idsFile = Path.Combine(dir.FullName, "ids.txt");
            await File.WriteAllLinesAsync(idsFile, ids);
            // Slow enough that the kill lands in the middle of the run.
            await control.SetFaultsAsync(JsonNode.Parse("""{"seed":9,"rules":[{"route":"/public/v1/**","kind":"latency","latencyMs":5,"jitterMs":5}]}""")!);

            int approvedBeforeKill;
            using (var first = WorkerProcess.Start(emulator.BaseUrl, emulator.ApiKey, idsFile, concurrency: 2))
            {
                approvedBeforeKill = await WaitForApprovalsAsync(control, ids, Math.Max(5, n / 10), first);
                first.Process.Kill(entireProcessTree: true);
                await first.Process.WaitForExitAsync();
                output.WriteLine($"killed after {approvedBeforeKill} approvals:\n{first.Output}");
            }

            Assert.InRange(approvedBeforeKill, 1, n - 1);
            await control.ClearFaultsAsync();
            using var second = WorkerProcess.Start(emulator.BaseUrl, emulator.ApiKey, idsFile);
            var code = await second.WaitAsync(WorkerTimeout);
            output.WriteLine($"restarted, exit {code}:\n{second.Output}");
            Assert.Equal(0, code);

            var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(await control.AuditAsync(), ids);
            output.WriteLine($"crash N={n}: approvals {approvals} ({approvedBeforeKill} before the kill), duplicates {duplicates}, lost {lost}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Polls the audit until at least <paramref name="atLeast"/> of the ids are approved (bounded: 2 minutes).</summary>
    internal static async Task<int> WaitForApprovalsAsync(Control control, IReadOnlyCollection<string> ids, int atLeast, WorkerProcess? worker = null)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 2400; attempt++)
        {
            var audit = await control.AuditAsync();
            var approved = audit.Count(e => e.Collection == "requests" && e.To == "approved" && set.Contains(e.ObjectId));
            if (approved >= atLeast)
            {
                return approved;
            }

            Assert.False(worker?.Process.HasExited ?? false, "the worker exited early:\n" + worker?.Output);
            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {atLeast} approvals after 2 minutes");
        return 0;
    }
}
