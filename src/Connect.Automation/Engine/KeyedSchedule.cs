namespace Connect.Automation;

/// <summary>
/// The per-key order rule of a pass: items that share a key (a request's asset, a tier config request's account and
/// product) are never handled at the same time and run in the order they were listed; items of different keys run in
/// parallel. The listing enumerator admits items one at a time (<see cref="AdmitAsync"/>); an item whose key is busy
/// waits in that key's queue and the worker handling the key runs it next (<see cref="TryTakeNext"/>). At most
/// <see cref="MaxWaiting"/> items wait at once: when that many are queued, listing pauses until one is taken, so memory
/// stays bounded however many requests one asset has.
/// </summary>
/// <typeparam name="TItem">The kind of item.</typeparam>
internal sealed class KeyedSchedule<TItem> : IDisposable
    where TItem : class
{
    /// <summary>How many listed items may wait for their key at once (the bound on buffered items).</summary>
    public const int MaxWaiting = 1000;

    private readonly Dictionary<string, Queue<TItem>> _busy = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _room;
    private readonly Lock _gate = new();

    public KeyedSchedule(int maxWaiting = MaxWaiting)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaiting, 1);
        _room = new SemaphoreSlim(maxWaiting, maxWaiting);
    }

    /// <summary>
    /// Admits a listed item: <see langword="true"/> when the caller is to run it now (its key was free and is now held
    /// by the caller, or it has no key); <see langword="false"/> when it was queued behind its key's running item.
    /// Called by one enumerator at a time.
    /// </summary>
    public async ValueTask<bool> AdmitAsync(string? key, TItem item, CancellationToken cancellationToken)
    {
        if (key is null || TryHold(key))
        {
            return true;
        }

        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_busy.TryGetValue(key, out var queue))
            {
                queue.Enqueue(item);
                return false;
            }

            // The key's last item finished while we waited for room: run this one now.
            _busy.Add(key, new Queue<TItem>());
        }

        _room.Release();
        return true;
    }

    /// <summary>
    /// The next item queued for <paramref name="key"/>, which the caller holds; when there is none, the key is released
    /// and <see langword="false"/> is returned.
    /// </summary>
    public bool TryTakeNext(string key, out TItem? next)
    {
        lock (_gate)
        {
            var queue = _busy[key];
            if (queue.TryDequeue(out next))
            {
                _room.Release();
                return true;
            }

            _busy.Remove(key);
            return false;
        }
    }

    public void Dispose() => _room.Dispose();

    private bool TryHold(string key)
    {
        lock (_gate)
        {
            return _busy.TryAdd(key, new Queue<TItem>());
        }
    }
}
