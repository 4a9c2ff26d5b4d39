using Medallion.Threading;
using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// A held lease on one item. Disposing it releases the lease; a release that fails (the lock service is down) is logged
/// and left to the lease's own end (expiry, or the end of the database session).
/// </summary>
internal sealed class ItemLease : IAsyncDisposable
{
    private readonly IDistributedSynchronizationHandle _handle;
    private readonly ILogger _logger;
    private readonly string _service;
    private readonly Func<string, string> _redact;
    private readonly CancellationTokenRegistration _lostRegistration;
    private int _released;

    public ItemLease(string itemId, IDistributedSynchronizationHandle handle, ILogger logger, string service, bool watchLoss, Func<string, string> redact)
    {
        _redact = redact;
        ItemId = itemId;
        _handle = handle;
        _logger = logger;
        _service = service;

        // Only where watching is cheap and safe: DistributedLock.Postgres 1.3.2 starts a connection monitor when the token
        // is read, and releasing the lock then fails now and again ("Connection is not open"), leaving the advisory lock
        // held until the pooled connection closes. A PostgreSQL lease is lost only with its session anyway.
        Lost = watchLoss ? handle.HandleLostToken : CancellationToken.None;
        _lostRegistration = Lost.CanBeCanceled ? Lost.Register(static state => ((ItemLease)state!).OnLost(), this) : default;
    }

    public string ItemId { get; }

    /// <summary>
    /// Cancelled when the lock service reports the lease lost before it was released (Redis: an extension failed, the
    /// service went away); never cancelled for the other services.
    /// </summary>
    public CancellationToken Lost { get; }

    public bool IsReleased => Volatile.Read(ref _released) == 1;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        await _lostRegistration.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _handle.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.LeaseReleaseFailed(_logger, ItemId, _service, _redact(ItemLeases.Describe(ex)));
        }
    }

    private void OnLost()
    {
        if (!IsReleased)
        {
            Log.LeaseLost(_logger, ItemId, _service);
        }
    }
}
