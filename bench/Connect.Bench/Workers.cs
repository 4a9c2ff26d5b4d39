using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;

namespace Connect.Bench;

/// <summary>
/// Measurements that report peak memory run in a fresh worker process (this same program, <c>__worker ...</c>):
/// the harness itself holds the emulator's handle, id lists and earlier runs' garbage, none of which is the client's.
/// A worker prints one JSON object on its last line.
/// </summary>
internal static class Workers
{
    public const string Command = "__worker";

    /// <summary>Pages each list worker reads per warm-up round, untimed, before it measures.</summary>
    private const int WarmupPages = 20;

    /// <summary>Quiet time after each warm-up round, for the tiered JIT's background promotion.</summary>
    private static readonly TimeSpan WarmupPause = TimeSpan.FromMilliseconds(250);

    /// <summary>At most this many warm-up rounds.</summary>
    private const int WarmupMaxRounds = 15;

    /// <summary>Starts a worker and returns its figures.</summary>
    public static async Task<JsonObject> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        DotnetHost.Isolate(info);
        info.ArgumentList.Add(typeof(Workers).Assembly.Location);
        info.ArgumentList.Add(Command);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("The worker did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"worker {string.Join(' ', info.ArgumentList.Skip(2))} exited with {process.ExitCode}: {error}{output}");
        }

        return JsonNode.Parse(last)!.AsObject();
    }

    /// <summary>Runs in the worker process: <c>__worker list-sdk|list-baseline|usage key=value...</c>.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        var kind = args[0];
        var options = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        string Opt(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"worker option {name} is missing");
        int Int(string name) => int.Parse(Opt(name), CultureInfo.InvariantCulture);

        var result = kind switch
        {
            "list-sdk" => await ListSdkAsync(Opt("url"), Int("page"), retryPipeline: true).ConfigureAwait(false),
            "list-sdk-plain" => await ListSdkAsync(Opt("url"), Int("page"), retryPipeline: false).ConfigureAwait(false),
            "list-baseline" => await ListBaselineAsync(Opt("url"), Int("page")).ConfigureAwait(false),
            "usage" => await UsageAsync(int.Parse(Opt("records"), CultureInfo.InvariantCulture), options.GetValueOrDefault("url")).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown worker {kind}"),
        };
        Console.WriteLine(result.ToJsonString());
        return 0;
    }

    /// <summary>
    /// The SDK as a user builds it (<paramref name="retryPipeline"/>: its own HttpClient with the retry/timeout
    /// pipeline), or, as a diagnostic, over a plain HttpClient, which tells the pipeline's share from the rest.
    /// </summary>
    private static async Task<JsonObject> ListSdkAsync(string url, int pageSize, bool retryPipeline)
    {
        var options = new ConnectClientOptions { Endpoint = url, ApiKey = EmulatorProcess.ApiKey, PageSize = pageSize };
        using var plain = retryPipeline ? null : new HttpClient();
        // Without the SDK's pipeline nothing adds the key: the plain client carries it as a default header.
        plain?.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", EmulatorProcess.ApiKey);
        using var client = new ConnectClient(options, plain);
        var query = Scenarios.Generated();
        // Warm-up (both workers do the same): rounds of WarmupPages pages, untimed, until the JIT settles, so start-up
        // and the tiered recompilation of the hot paths are not counted as listing.
        var rounds = await JitWarmup.RunAsync(WarmupMaxRounds, WarmupPause, async () =>
        {
            await foreach (var page in client.Requests.ListPagesAsync(query).ConfigureAwait(false))
            {
                if (page.Offset / pageSize >= WarmupPages - 1)
                {
                    break;
                }
            }
        }).ConfigureAwait(false);

        return await MeasureAsync(rounds, async () =>
        {
            long count = 0;
            long idChars = 0;
            await foreach (var request in client.Requests.ListAsync(query).ConfigureAwait(false))
            {
                count++;
                idChars += request.Id!.Length;
            }

            return (count, idChars);
        }).ConfigureAwait(false);
    }

    /// <summary>The baseline: plain <see cref="HttpClient"/> and <see cref="JsonDocument"/> over the same pages.</summary>
    private static async Task<JsonObject> ListBaselineAsync(string url, int pageSize)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", EmulatorProcess.ApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var rounds = await JitWarmup.RunAsync(WarmupMaxRounds, WarmupPause, async () =>
        {
            for (var page = 0; page < WarmupPages; page++)
            {
                using var warm = await http.GetAsync("requests?" + Scenarios.Generated().Limit(pageSize).Offset(page * pageSize).Compile()).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(await warm.EnsureSuccessStatusCode().Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return await MeasureAsync(rounds, async () =>
        {
            long count = 0;
            long idChars = 0;
            for (var offset = 0; ; )
            {
                var page = Scenarios.Generated().Limit(pageSize).Offset(offset).Compile();
                using var response = await http.GetAsync("requests?" + page, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
                    var items = 0;
                    foreach (var element in document.RootElement.EnumerateArray())
                    {
                        items++;
                        idChars += element.GetProperty("id").GetString()!.Length;
                    }

                    count += items;
                    offset += items;
                    // Content-Range: items a-b/total
                    var range = response.Content.Headers.TryGetValues("Content-Range", out var values) ? values.First() : null;
                    var total = range is null ? long.MaxValue : long.Parse(range[(range.IndexOf('/', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
                    if (items == 0 || offset >= total)
                    {
                        return (count, idChars);
                    }
                }
            }
        }).ConfigureAwait(false);
    }

    private static async Task<JsonObject> UsageAsync(int records, string? uploadUrl)
    {
        var path = Path.Combine(Path.GetTempPath(), $"connect-bench-usage-{Environment.ProcessId}.xlsx");
        try
        {
            long fileBytes = 0;
            string? usageFileStatus = null;
            var figures = await MeasureAsync(async () =>
            {
                if (uploadUrl is null)
                {
                    var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                    await using (file.ConfigureAwait(false))
                    {
                        var summary = await UsageSpreadsheetWriter.WriteAsync(file, UsageRecordSource.Generate(records)).ConfigureAwait(false);
                        fileBytes = file.Length;
                        return (summary.RecordCount, 0L);
                    }
                }

                using var client = new ConnectClient(new ConnectClientOptions { Endpoint = uploadUrl, ApiKey = EmulatorProcess.ApiKey, Timeout = TimeSpan.FromMinutes(10) });
                var created = await client.SubmitUsageAsync(UsageRecordSource.File(), UsageRecordSource.Generate(records)).ConfigureAwait(false);
                usageFileStatus = created.Status;
                // The count that matters is the emulator's: the rows it read from the upload and found valid.
                return (created.Records?.Valid ?? -1, 0L);
            }).ConfigureAwait(false);
            figures["file_bytes"] = fileBytes;
            figures["usage_file_status"] = usageFileStatus;
            return figures;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<JsonObject> MeasureAsync(Func<Task<(long Count, long Check)>> body) => MeasureAsync(0, body);

    private static async Task<JsonObject> MeasureAsync(int warmupRounds, Func<Task<(long Count, long Check)>> body)
    {
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var sampler = new PeakSampler();
        var meter = new ProcessMeter();
        (long Count, long Check) result;
        using (sampler)
        {
            result = await body().ConfigureAwait(false);
        }

        var (wall, cpu, allocated) = meter.Stop();
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        return new JsonObject
        {
            ["warmup_rounds"] = warmupRounds,
            ["jit_methods_during_run"] = jitMethods,
            ["items"] = result.Count,
            ["seconds"] = Math.Round(wall.TotalSeconds, 3),
            ["items_per_s"] = Math.Round(result.Count / wall.TotalSeconds, 1),
            ["cpu_seconds"] = Math.Round(cpu.TotalSeconds, 3),
            ["allocated_mb"] = Machine.Megabytes(allocated),
            ["peak_working_set_mb"] = Machine.Megabytes(sampler.PeakWorkingSet),
            ["peak_managed_heap_mb"] = Machine.Megabytes(sampler.PeakManagedHeap),
        };
    }
}

/// <summary>Usage records for the usage scenario: valid for the demo seed's pay-per-use subscription.</summary>
internal static class UsageRecordSource
{
    public static IEnumerable<UsageRecord> Generate(long count)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (long i = 0; i < count; i++)
        {
            yield return new UsageRecord
            {
                RecordId = string.Create(CultureInfo.InvariantCulture, $"rec-{i}"),
                RecordNote = "bench",
                ItemSearchCriteria = "item.mpn",
                ItemSearchValue = "MPN-PPU-CALLS",
                Quantity = 1 + (i % 97),
                Amount = 12.345678m + i,
                StartTimeUtc = start.AddMinutes(i % 43_200),
                EndTimeUtc = start.AddMinutes(i % 43_200 + 1),
                AssetSearchCriteria = "asset.id",
                AssetSearchValue = "AS-0002-0001-0001",
                CategoryId = "generic_category",
            };
        }
    }

    public static UsageFile File() => new()
    {
        Name = "Connect.Bench usage",
        Product = new Product { Id = "PRD-400-500-600" },
        Contract = new Contract { Id = "CRD-10001-00001-00001" },
    };
}
