namespace Connect.Processor;

/// <summary>The outcome of the hosted processor so far: the last run's report and the exit code it implies.</summary>
public sealed class ProcessorExecution
{
    private readonly Lock _lock = new();
    private readonly List<ProcessorRunReport> _reports = [];
    private Exception? _fault;

    /// <summary>Reports of the runs so far (one in <c>once</c> mode).</summary>
    public IReadOnlyList<ProcessorRunReport> Reports
    {
        get
        {
            lock (_lock)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>The last run's report, or null before the first run finishes.</summary>
    public ProcessorRunReport? LastReport
    {
        get
        {
            lock (_lock)
            {
                return _reports.Count == 0 ? null : _reports[^1];
            }
        }
    }

    /// <summary>The error that stopped a run (Connect unreachable, for example), or null.</summary>
    public Exception? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    /// <summary>
    /// 0 when no run failed unexpectedly; 1 when a request failed unexpectedly, usage reporting failed, or a run could not
    /// complete.
    /// </summary>
    public int ExitCode
    {
        get
        {
            lock (_lock)
            {
                return _fault is not null || _reports.Any(r => r.HasUnexpectedFailures) ? 1 : 0;
            }
        }
    }

    internal void Complete(ProcessorRunReport report)
    {
        lock (_lock)
        {
            _reports.Add(report);
            _fault = null;

            // Continuous mode keeps the last few reports only.
            if (_reports.Count > 100)
            {
                _reports.RemoveAt(0);
            }
        }
    }

    internal void Fail(Exception exception)
    {
        lock (_lock)
        {
            _fault = exception;
        }
    }
}
