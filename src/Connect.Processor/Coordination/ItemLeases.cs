using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// Leases items through the <see cref="LockService"/>: take the item's lease (without waiting: a lease held elsewhere
/// means another replica is on it), read the item again under the lease (it may have been finished meanwhile), and hand
/// back the lease with the fresh item. When the lock service does not answer, no item is handed out: the processor stops
/// taking items and says so once, and says so again once the service answers.
/// </summary>
internal sealed class ItemLeases : IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long? _downSince;
    private string? _lastError;

    public ItemLeases(LockService service, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Service = service ?? throw new ArgumentNullException(nameof(service));
        _logger = loggerFactory.CreateLogger("Connect.Processor.Coordination");
        _time = timeProvider ?? TimeProvider.System;
    }

    public LockService Service { get; }

    /// <summary>Whether the last attempt found the lock service down.</summary>
    public bool IsUnavailable
    {
        get
        {
            lock (_gate)
            {
                return _downSince is not null;
            }
        }
    }

    /// <summary>The last outage's error (secrets removed), or null when the service answered last.</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>
    /// Leases <paramref name="itemId"/> and reads the item again under the lease.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="itemId">The item's id.</param>
    /// <param name="reread">Reads the item; returns null when it no longer waits to be handled (e.g. not pending). Its
    /// exceptions propagate (after the lease is released).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The attempt; when <see cref="LeaseStatus.Acquired"/>, the caller owns the lease.</returns>
    public async Task<LeaseAttempt<T>> TryLeaseAsync<T>(string itemId, Func<CancellationToken, Task<T?>> reread, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(reread);
        Medallion.Threading.IDistributedSynchronizationHandle? handle;
        try
        {
            var provider = await Service.GetProviderAsync(cancellationToken).ConfigureAwait(false);
            handle = await provider.CreateLock(LockService.LockName(itemId)).TryAcquireAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the item is not leased, so it is not handled.
            var error = Service.Redact(Describe(ex));
            ReportDown(error);
            return new LeaseAttempt<T>(LeaseStatus.Unavailable, null, null, error);
        }

        ReportUp();
        if (handle is null)
        {
            Log.LeaseHeldElsewhere(_logger, itemId);
            return new LeaseAttempt<T>(LeaseStatus.HeldElsewhere, null, null, null);
        }

        var lease = new ItemLease(itemId, handle, _logger, Service.Description, watchLoss: Service.Kind == CoordinationKind.Redis, Service.Redact);
        T? item;
        try
        {
            item = await reread(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (item is null)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            Log.LeasedButFinished(_logger, itemId);
            return new LeaseAttempt<T>(LeaseStatus.Finished, null, null, null);
        }

        return new LeaseAttempt<T>(LeaseStatus.Acquired, lease, item, null);
    }

    /// <summary>
    /// Asks the lock service whether it answers (a lease on a probe name, released at once), reporting an outage or a
    /// recovery like a lease attempt does.
    /// </summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>True when the service answered.</returns>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var attempt = await TryLeaseAsync("probe", _ => Task.FromResult<string?>(null), cancellationToken).ConfigureAwait(false);
        return attempt.Status != LeaseStatus.Unavailable;
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();

    // A host disposed synchronously (using var host = ...; without RunAsync) must not fail on an async-only singleton.
    public void Dispose() => Service.Dispose();

    /// <summary>The innermost error's type and first line, at most 300 characters: the clients' messages carry whole connection dumps.</summary>
    internal static string Describe(Exception exception)
    {
        var inner = exception.GetBaseException();
        var message = inner.Message.Split('\n', 2)[0].Trim();
        var text = $"{inner.GetType().Name}: {message}";
        return text.Length <= 300 ? text : text[..297] + "...";
    }

    private void ReportDown(string error)
    {
        lock (_gate)
        {
            _lastError = error;
            if (_downSince is not null)
            {
                return;
            }

            _downSince = _time.GetTimestamp();
        }

        Log.LockServiceDown(_logger, Service.Description, error);
    }

    private void ReportUp()
    {
        long since;
        lock (_gate)
        {
            if (_downSince is not { } down)
            {
                return;
            }

            since = down;
            _downSince = null;
            _lastError = null;
        }

        Log.LockServiceBack(_logger, Service.Description, _time.GetElapsedTime(since).TotalSeconds);
    }
}
