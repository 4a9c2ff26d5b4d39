using Medallion.Threading;

namespace Connect.Processor;

/// <summary>
/// The <see cref="IDistributedLockProvider"/> of <see cref="CoordinationKind.None"/>: locks that exclude each other
/// inside this process only. The DistributedLock family has no in-memory provider, and one replica must not need an
/// external service. Each name's semaphore lives while someone holds or waits for it, so ids seen once do not pile up.
/// </summary>
internal sealed class InProcessLockProvider : IDistributedLockProvider
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many names are held or waited for now.</summary>
    public int ActiveNames
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public IDistributedLock CreateLock(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new InProcessLock(this, name);
    }

    private Entry Enter(string name)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(name, out var entry))
            {
                entry = new Entry();
                _entries.Add(name, entry);
            }

            entry.Users++;
            return entry;
        }
    }

    private void Leave(string name, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(name);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class InProcessLock(InProcessLockProvider provider, string name) : IDistributedLock
    {
        public string Name => name;

        public IDistributedSynchronizationHandle? TryAcquire(TimeSpan timeout = default, CancellationToken cancellationToken = default)
        {
            var entry = provider.Enter(name);
            try
            {
                if (entry.Semaphore.Wait(timeout, cancellationToken))
                {
                    return new Handle(provider, name, entry);
                }
            }
            catch
            {
                provider.Leave(name, entry);
                throw;
            }

            provider.Leave(name, entry);
            return null;
        }

        public IDistributedSynchronizationHandle Acquire(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            TryAcquire(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken) ?? throw new TimeoutException($"The lock '{name}' was not acquired within {timeout}.");

        public async ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default)
        {
            var entry = provider.Enter(name);
            try
            {
                if (await entry.Semaphore.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
                {
                    return new Handle(provider, name, entry);
                }
            }
            catch
            {
                provider.Leave(name, entry);
                throw;
            }

            provider.Leave(name, entry);
            return null;
        }

        public async ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
            await TryAcquireAsync(timeout ?? Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false)
            ?? throw new TimeoutException($"The lock '{name}' was not acquired within {timeout}.");
    }

    private sealed class Handle(InProcessLockProvider provider, string name, Entry entry) : IDistributedSynchronizationHandle
    {
        private int _released;

        // An in-process lock cannot be lost while the process lives.
        public CancellationToken HandleLostToken => CancellationToken.None;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                provider.Leave(name, entry);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
