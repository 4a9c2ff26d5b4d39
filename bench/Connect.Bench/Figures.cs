using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connect.Bench;

/// <summary>The figures of one scenario run, in insertion order: printed as text or as one JSON object.</summary>
internal sealed class Figures
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _values = [];
    private readonly List<string> _failures = [];

    public Figures(string scenario)
    {
        Add("scenario", scenario);
        Add("started_utc", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        Add("machine_cores", Environment.ProcessorCount);
        Add("load_average_1m_start", Machine.LoadAverage());
    }

    public bool Failed => _failures.Count > 0;

    public void Add(string name, JsonNode? value) => _values[name] = value;

    public void Add(string name, double value, int decimals = 3) => _values[name] = Math.Round(value, decimals);

    /// <summary>Records a failed check; the run exits non-zero.</summary>
    public void Check(bool condition, string failure)
    {
        if (!condition)
        {
            _failures.Add(failure);
        }
    }

    public int Print(bool json)
    {
        Add("load_average_1m_end", Machine.LoadAverage());
        Add("ok", !Failed);
        Add("failures", new JsonArray([.. _failures.Select(f => (JsonNode)f)]));
        if (json)
        {
            Console.WriteLine(_values.ToJsonString(Relaxed));
        }
        else
        {
            foreach (var (name, value) in _values)
            {
                Console.WriteLine($"{name,-34} {value?.ToJsonString(Relaxed)}");
            }
        }

        if (Failed)
        {
            foreach (var failure in _failures)
            {
                Console.Error.WriteLine($"FAILED: {failure}");
            }
        }

        return Failed ? 1 : 0;
    }
}

internal static class Machine
{
    /// <summary>The 1-minute load average (Linux), or -1 where it cannot be read.</summary>
    public static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    public static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    /// <summary>The value at <paramref name="percentile"/> (0..100) of sorted values, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>CPU time, allocations and wall time of this process across a measured section.</summary>
internal sealed class ProcessMeter
{
    private readonly Process _self = Process.GetCurrentProcess();
    private readonly long _allocated;
    private readonly TimeSpan _cpu;
    private readonly long _started;

    public ProcessMeter()
    {
        _allocated = GC.GetTotalAllocatedBytes(precise: true);
        _self.Refresh();
        _cpu = _self.TotalProcessorTime;
        _started = Stopwatch.GetTimestamp();
    }

    public (TimeSpan Wall, TimeSpan Cpu, long Allocated) Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        _self.Refresh();
        return (wall, _self.TotalProcessorTime - _cpu, GC.GetTotalAllocatedBytes(precise: true) - _allocated);
    }
}

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory"/>) and the working set every few milliseconds and keeps the
/// maxima: used inside a worker process, where nothing but the measured code holds memory.
/// </summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Process _self = Process.GetCurrentProcess();
    private long _peakHeap;
    private long _peakWorkingSet;

    public PeakSampler()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5));
    }

    public long PeakManagedHeap => Interlocked.Read(ref _peakHeap);

    public long PeakWorkingSet
    {
        get
        {
            _self.Refresh();
            // The OS's own peak (VmHWM) also sees spikes between samples.
            return Math.Max(Interlocked.Read(ref _peakWorkingSet), _self.PeakWorkingSet64);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        InterlockedMax(ref _peakHeap, heap);
        InterlockedMax(ref _peakWorkingSet, Environment.WorkingSet);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}

/// <summary>
/// Warm-up until the JIT settles: .NET recompiles hot methods (tiered compilation) in the background after a quiet
/// spell, thousands of calls in, so a fixed short warm-up leaves that work inside the measurement.
/// </summary>
internal static class JitWarmup
{
    /// <summary>A round that compiles fewer methods than this means the JIT has settled.</summary>
    public const int SettledMethods = 25;

    /// <summary>Runs <paramref name="round"/> (then waits <paramref name="pause"/>) until a round compiles fewer than <see cref="SettledMethods"/> methods, at most <paramref name="maxRounds"/> times; returns the rounds run.</summary>
    public static async Task<int> RunAsync(int maxRounds, TimeSpan pause, Func<Task> round)
    {
        var rounds = 0;
        for (var compiled = long.MaxValue; rounds < maxRounds && compiled >= SettledMethods; rounds++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round().ConfigureAwait(false);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause).ConfigureAwait(false);
            }

            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        }

        return rounds;
    }
}
