using System.Globalization;
using System.Text.Json.Nodes;

namespace Connect.Bench;

/// <summary>
/// <c>list</c>: N generated requests streamed through <c>client.Requests.ListAsync</c>, against a baseline of plain
/// <see cref="HttpClient"/> + <see cref="System.Text.Json.JsonDocument"/> over the same pages. Each measurement runs
/// in its own fresh worker process, so its peak memory is the client's alone.
/// </summary>
internal static class ListScenario
{
    public static async Task<Figures> RunAsync(int count, int pageSize, int repeat, bool diagnose, CancellationToken cancellationToken)
    {
        var figures = new Figures("list");
        figures.Add("count", count);
        figures.Add("page_size", pageSize);
        figures.Add("repeat", repeat);

        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        await emulator.GenerateAsync(Scenarios.Product, count, cancellationToken).ConfigureAwait(false);
        await emulator.WarmListAsync(Scenarios.Generated(), 100, cancellationToken).ConfigureAwait(false);
        string[] args = [$"url={emulator.PublicUrl}", string.Create(CultureInfo.InvariantCulture, $"page={pageSize}")];

        var sdk = new List<JsonObject>();
        var baseline = new List<JsonObject>();
        var plain = new List<JsonObject>();
        for (var i = 0; i < repeat; i++)
        {
            // Alternate which goes first, so neither always meets a cold (or a warmed) server.
            string[] kinds = i % 2 == 0 ? ["list-sdk", "list-baseline"] : ["list-baseline", "list-sdk"];
            foreach (var kind in diagnose ? [.. kinds, "list-sdk-plain"] : kinds)
            {
                var serverCpu = emulator.ProcessorTime();
                var run = await Workers.RunAsync([kind, .. args], cancellationToken).ConfigureAwait(false);
                run["emulator_cpu_seconds"] = Math.Round((emulator.ProcessorTime() - serverCpu).TotalSeconds, 3);
                (kind switch { "list-sdk" => sdk, "list-baseline" => baseline, _ => plain }).Add(run);
                var items = (long)run["items"]!;
                figures.Check(items == count, $"{kind} listed {items} items, expected {count}");
            }
        }

        Summarize(figures, "sdk", sdk);
        Summarize(figures, "baseline", baseline);
        figures.Add("ratio_items_per_s", Median(sdk, "items_per_s") / Median(baseline, "items_per_s"));
        figures.Add("ratio_client_cpu", Median(sdk, "cpu_seconds") / Median(baseline, "cpu_seconds"));
        if (diagnose)
        {
            // The SDK over a plain HttpClient (no retry/timeout pipeline): how much of the gap the pipeline is.
            Summarize(figures, "sdk_without_pipeline", plain);
        }

        figures.Add("runs", new JsonObject
        {
            ["sdk"] = new JsonArray([.. sdk]),
            ["baseline"] = new JsonArray([.. baseline]),
            ["sdk_without_pipeline"] = new JsonArray([.. plain]),
        });
        return figures;
    }

    private static void Summarize(Figures figures, string name, List<JsonObject> runs)
    {
        figures.Add($"{name}_items_per_s", Median(runs, "items_per_s"), 1);
        figures.Add($"{name}_seconds", Median(runs, "seconds"));
        figures.Add($"{name}_client_cpu_seconds", Median(runs, "cpu_seconds"));
        figures.Add($"{name}_emulator_cpu_seconds", Median(runs, "emulator_cpu_seconds"));
        figures.Add($"{name}_allocated_mb", Median(runs, "allocated_mb"), 1);
        figures.Add($"{name}_peak_working_set_mb", runs.Max(r => (double)r["peak_working_set_mb"]!), 1);
        figures.Add($"{name}_peak_managed_heap_mb", runs.Max(r => (double)r["peak_managed_heap_mb"]!), 1);
    }

    private static double Median(List<JsonObject> runs, string name)
    {
        var values = runs.Select(r => (double)r[name]!).Order().ToList();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
