using System.Collections.Concurrent;
using Connect.Automation;
using Connect.Processor;
using Spectre.Console;

namespace ExampleProcessor.Output;

/// <summary>
/// Shows the run as it happens: a Spectre.Console progress display on a terminal, plain lines when the output is
/// redirected (CI has no terminal).
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console, bool interactive) : IProcessorObserver
{
    private readonly ConcurrentDictionary<(ProcessorStage, int), ProgressTask> _tasks = new();
    private ProgressContext? _context;

    public bool Interactive { get; } = interactive;

    /// <summary>Runs <paramref name="work"/> inside the progress display (or directly, in plain mode).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        if (!Interactive)
        {
            return await work();
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _context = context;
                return await work();
            });
    }

    public void OnStageStarted(ProcessorStage stage, int pass, long pending)
    {
        var label = $"Pass {pass}: {Name(stage)}";
        if (_context is { } context)
        {
            _tasks[(stage, pass)] = context.AddTask(Markup.Escape(label), maxValue: Math.Max(pending, 1));
        }
        else if (pending != 0)
        {
            console.WriteLine($"{label}: {(pending < 0 ? "?" : pending.ToString(System.Globalization.CultureInfo.InvariantCulture))} pending");
        }
    }

    public void OnRequestHandled(ProcessorStage stage, string requestId, string requestType, ProcessResult result)
    {
        if (_context is not null)
        {
            foreach (var task in _tasks.Where(t => t.Key.Item1 == stage).Select(t => t.Value).Where(t => !t.IsFinished))
            {
                task.Increment(1);
            }
        }
        else if (result.Action != ProcessAction.Skip || result.Message is not null)
        {
            console.WriteLine($"  {requestId} ({requestType}) -> {result}");
        }
    }

    public void OnStageCompleted(ProcessorStage stage, int pass, IReadOnlyList<ProcessedRequest> requests)
    {
        if (_tasks.TryGetValue((stage, pass), out var task))
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
        else if (_context is null && requests.Count > 0)
        {
            console.WriteLine($"  {requests.Count} processed");
        }
    }

    private static string Name(ProcessorStage stage) => stage == ProcessorStage.TierConfigRequests ? "tier config requests" : "fulfillment requests";
}
