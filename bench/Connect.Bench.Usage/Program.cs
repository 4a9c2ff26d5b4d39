// Writes N usage records to a temporary .xlsx and prints elapsed time, peak working set and GC allocations.
// Usage: dotnet run -c Release --project bench/Connect.Bench.Usage -- [records=1000000] [--keep] [--no-background] [--cell-references] [--validate-only|--generate-only]
using System.Diagnostics;
using System.Globalization;
using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;

var count = args.Length > 0 && long.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
var keep = args.Contains("--keep");
var path = Path.Combine(Path.GetTempPath(), $"usage-bench-{Environment.ProcessId}.xlsx");

static IEnumerable<UsageRecord> Records(long count)
{
    var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    for (long i = 0; i < count; i++)
    {
        yield return new UsageRecord
        {
            RecordId = $"rec-{i}",
            RecordNote = "bench",
            ItemSearchCriteria = "item.mpn",
            ItemSearchValue = "SKU-A",
            Quantity = 1 + (i % 97) / 4m,
            Amount = 12.345678m + i,
            StartTimeUtc = start.AddMinutes(i % 43_200),
            EndTimeUtc = start.AddMinutes(i % 43_200 + 60),
            AssetSearchCriteria = "asset.id",
            AssetSearchValue = $"AS-{i % 10_000:0000}-0000-0000",
            CategoryId = "generic_category",
        };
    }
}

var process = Process.GetCurrentProcess();
var mainThreadBefore = MainThreadCpu(process);
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = process.TotalProcessorTime;
var watch = Stopwatch.StartNew();
UsageSpreadsheetSummary summary;
if (args.Contains("--validate-only"))
{
    // Validation alone, to see its share of the time.
    summary = new UsageSpreadsheetSummary(UsageRecordValidator.ValidateAll(Records(count)), [], 0);
}
else if (args.Contains("--generate-only"))
{
    summary = new UsageSpreadsheetSummary(Records(count).LongCount(), [], 0);
}
else
{
    using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    // --no-background: the records sheet is deflated on the calling thread (the writer's default uses a second core).
    // --cell-references: every row and cell gets its r attribute (off by default).
    var options = new UsageSpreadsheetOptions
    {
        BackgroundWrite = !args.Contains("--no-background"),
        CellReferences = args.Contains("--cell-references"),
    };
    summary = UsageSpreadsheetWriter.Write(file, Records(count), options);
}

watch.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var mainThreadCpu = MainThreadCpu(process) - mainThreadBefore;
var size = File.Exists(path) ? new FileInfo(path).Length : 0;
Console.WriteLine(FormattableString.Invariant($"records:          {summary.RecordCount:N0}"));
Console.WriteLine(FormattableString.Invariant($"elapsed:          {watch.Elapsed.TotalSeconds:F2} s"));
// CPU time is the fairer figure on a shared machine: elapsed time grows with other processes' load.
Console.WriteLine(FormattableString.Invariant($"cpu time:         {cpu.TotalSeconds:F2} s (all threads)"));
// The calling thread's share: on an idle machine with a core to spare, elapsed time tends to this figure.
Console.WriteLine(FormattableString.Invariant($"main thread cpu:  {mainThreadCpu.TotalSeconds:F2} s"));
Console.WriteLine(FormattableString.Invariant($"peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F1} MB"));
Console.WriteLine(FormattableString.Invariant($"GC allocated:     {allocated / 1024.0 / 1024.0:F1} MB"));
Console.WriteLine(FormattableString.Invariant($"file size:        {size / 1024.0 / 1024.0:F1} MB ({path})"));
if (!keep && File.Exists(path))
{
    File.Delete(path);
}

// The main thread's CPU time (on Linux its thread id is the process id); zero where that cannot be read.
static TimeSpan MainThreadCpu(Process process)
{
    process.Refresh();
    foreach (ProcessThread thread in process.Threads)
    {
        if (thread.Id == process.Id)
        {
            return thread.TotalProcessorTime;
        }
    }

    return TimeSpan.Zero;
}
