using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Bench;

/// <summary>
/// <c>fulfill</c>: N generated pending purchases drained by a <see cref="FulfillmentAutomation"/> that fills the
/// required fulfillment parameter and approves with the activation template (two calls per request, plus listing).
/// </summary>
internal static class FulfillScenario
{
    private const int WarmupMaxRounds = 12;

    public static async Task<Figures> RunAsync(int count, int? concurrencyOption, int latencyMs, int warmup, bool baseline, CancellationToken cancellationToken)
    {
        var figures = new Figures("fulfill");
        figures.Add("count", count);
        // Without --concurrency the library's default settings are used; the figures name the value either way.
        var automation = new AutomationOptions { Query = Scenarios.PendingGenerated() };
        if (concurrencyOption is { } chosen)
        {
            automation.MaxConcurrency = chosen;
        }

        var concurrency = automation.MaxConcurrency;
        figures.Add("concurrency", concurrency);
        figures.Add("concurrency_source", concurrencyOption is null ? "library default" : "--concurrency");
        figures.Add("latency_ms", latencyMs);
        figures.Add("warmup", warmup);

        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken).ConfigureAwait(false);

        var options = new ConnectClientOptions { Endpoint = emulator.PublicUrl, ApiKey = EmulatorProcess.ApiKey, Products = [Scenarios.Product] };
        using var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options, counting))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var client = new ConnectClient(options, http);

        // Warm-up, before any latency is injected (so it is quick), in rounds of `warmup` requests approved before the
        // measured batch exists: the connection pool, and the JIT's tiered recompilation of the client's and the
        // emulator's hot paths. Tiering takes thousands of calls to settle, so rounds go on until one compiles fewer than
        // JitWarmup.SettledMethods methods (at most WarmupMaxRounds); client_jit_* below shows what was still compiled.
        var rounds = warmup <= 0 ? 0 : await JitWarmup.RunAsync(WarmupMaxRounds, TimeSpan.Zero, async () =>
        {
            await emulator.GenerateAsync(Scenarios.Product, warmup, cancellationToken).ConfigureAwait(false);
            var warm = await new ApproveAll(client, automation).ProcessAsync(cancellationToken).ConfigureAwait(false);
            figures.Check(warm.Approved == warmup, $"warm-up approved {warm.Approved} of {warmup}: {warm}");
        }).ConfigureAwait(false);
        figures.Add("warmup_rounds", rounds);

        var latency = await LatencySetup.ApplyAsync(emulator, latencyMs, cancellationToken).ConfigureAwait(false);
        figures.Add("latency_mode", latency.Mode);
        var ids = await emulator.GenerateAsync(Scenarios.Product, count, cancellationToken).ConfigureAwait(false);
        counting.Reset();
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var delayedBefore = latency.Mode == "server" ? await LatencySetup.InjectedAsync(emulator, cancellationToken).ConfigureAwait(false) : 0;
        var serverCpu = emulator.ProcessorTime();
        var meter = new ProcessMeter();
        var report = await new ApproveAll(client, automation).ProcessAsync(cancellationToken).ConfigureAwait(false);
        var (wall, cpu, allocated) = meter.Stop();
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTime;
        serverCpu = emulator.ProcessorTime() - serverCpu;
        var delayed = latency.Mode == "server" ? await LatencySetup.InjectedAsync(emulator, cancellationToken).ConfigureAwait(false) - delayedBefore : 0;

        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var durations = report.Items.Where(i => wanted.Contains(i.Id)).Select(i => i.Duration.TotalMilliseconds).Order().ToList();
        figures.Add("approved", report.Approved);
        figures.Add("errors", report.Errors.Count);
        figures.Add("wall_seconds", wall.TotalSeconds);
        figures.Add("requests_per_s", report.Approved / wall.TotalSeconds, 1);
        figures.Add("latency_p50_ms", Machine.Percentile(durations, 50), 2);
        figures.Add("latency_p95_ms", Machine.Percentile(durations, 95), 2);
        figures.Add("latency_p99_ms", Machine.Percentile(durations, 99), 2);
        figures.Add("client_cpu_ms_per_request", cpu.TotalMilliseconds / Math.Max(1, report.Approved));
        figures.Add("client_allocated_kb_per_request", allocated / 1024.0 / Math.Max(1, report.Approved), 1);
        figures.Add("emulator_cpu_ms_per_request", serverCpu.TotalMilliseconds / Math.Max(1, report.Approved));
        figures.Add("client_jit_methods_during_run", jitMethods);
        figures.Add("client_jit_ms_during_run", jitTime.TotalMilliseconds, 1);
        figures.Add("http_calls", counting.Calls);
        figures.Add("http_calls_per_request", counting.Calls / (double)Math.Max(1, report.Approved), 2);
        figures.Add("calls_delayed_by_emulator", delayed);
        figures.Check(latency.Mode == "none" || delayed >= counting.Calls, $"the emulator delayed {delayed} of {counting.Calls} calls");

        figures.Check(report.Processed == count, $"processed {report.Processed}, expected {count}");
        figures.Check(report.Approved == count, $"approved {report.Approved}, expected {count}");
        figures.Check(report.Errors.Count == 0, $"{report.Errors.Count} errors, first: {(report.Errors.Count > 0 ? report.Errors[0].Message : null)}");

        // The emulator's audit log is the judge: each generated request approved exactly once, nothing else approved.
        var approvals = (await emulator.ReadAuditAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => e.Collection == "requests" && e.To == RequestStatus.Approved && wanted.Contains(e.ObjectId))
            .GroupBy(e => e.ObjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var once = ids.Count(id => approvals.GetValueOrDefault(id) == 1);
        var twice = approvals.Count(a => a.Value > 1);
        figures.Add("audit_approved_exactly_once", once);
        figures.Add("audit_approved_more_than_once", twice);
        figures.Check(once == count && twice == 0, $"audit: {once} of {count} approved exactly once, {twice} approved more than once");

        if (baseline)
        {
            // The same N again, through a plain HttpClient + JsonDocument: the HTTP stack's own cost.
            await emulator.GenerateAsync(Scenarios.Product, count, cancellationToken).ConfigureAwait(false);
            var rawServerCpu = emulator.ProcessorTime();
            var raw = await FulfillBaseline.RunAsync(emulator, concurrency, cancellationToken).ConfigureAwait(false);
            rawServerCpu = emulator.ProcessorTime() - rawServerCpu;
            figures.Add("baseline_approved", raw.Approved);
            figures.Add("baseline_requests_per_s", raw.Approved / raw.Wall.TotalSeconds, 1);
            figures.Add("baseline_client_cpu_ms_per_request", raw.Cpu.TotalMilliseconds / Math.Max(1, raw.Approved));
            figures.Add("baseline_client_allocated_kb_per_request", raw.Allocated / 1024.0 / Math.Max(1, raw.Approved), 1);
            figures.Add("baseline_emulator_cpu_ms_per_request", rawServerCpu.TotalMilliseconds / Math.Max(1, raw.Approved));
            figures.Add("baseline_http_calls", raw.Calls);
            figures.Add("sdk_over_baseline_cpu", cpu.TotalMilliseconds / Math.Max(1, report.Approved) / Math.Max(1e-9, raw.Cpu.TotalMilliseconds / Math.Max(1, raw.Approved)), 2);
            figures.Check(raw.Approved == count, $"baseline approved {raw.Approved}, expected {count}");
        }

        return figures;
    }

    /// <summary>The automation under test: fill the required parameter, approve with the template.</summary>
    private sealed class ApproveAll(ConnectClient client, AutomationOptions options) : FulfillmentAutomation(client, options)
    {
        protected override async Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken)
        {
            await UpdateParametersAsync(request.Id!,
                [new Param { Id = Scenarios.RequiredFulfillmentParameter, Value = "SUB-" + request.Id }], cancellationToken: cancellationToken).ConfigureAwait(false);
            return ProcessResult.Approve(Scenarios.ActivationTemplate);
        }
    }
}
