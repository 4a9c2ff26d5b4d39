namespace Connect.Emulator.Dashboard;

/// <summary>
/// A version number bumped after every call that may have changed the emulator's state, so that open dashboard pages
/// learn of changes (through <c>/ui/events</c>) without polling the store. Any call other than GET/HEAD/OPTIONS counts,
/// whatever its outcome: a refresh that finds nothing new costs one page render, a missed change would cost trust.
/// </summary>
internal sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource<long> _next = NewSignal();

    /// <summary>The current version (0 before the first change).</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Records a change and wakes every waiter.</summary>
    public void Publish()
    {
        TaskCompletionSource<long> signal;
        long version;
        lock (_gate)
        {
            version = ++_version;
            signal = _next;
            _next = NewSignal();
        }

        signal.TrySetResult(version);
    }

    /// <summary>Completes with the version once it is past <paramref name="seen"/> (at once if it already is).</summary>
    public Task<long> WaitPastAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _version > seen ? Task.FromResult(_version) : _next.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Middleware: publishes a change after every call that may write.</summary>
    public async Task ObserveAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
            {
                Publish();
            }
        }
    }

    private static TaskCompletionSource<long> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
