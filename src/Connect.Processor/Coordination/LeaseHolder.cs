namespace Connect.Processor;

/// <summary>
/// Holds a request's lease for the life of the request's service scope. The engine disposes that scope only after the
/// request's outcome is written to Connect (or the request failed), so the lease is released exactly then, whatever
/// path the request took.
/// </summary>
internal sealed class LeaseHolder : IAsyncDisposable
{
    private ItemLease? _lease;

    /// <summary>The lease held, or null.</summary>
    public ItemLease? Lease => _lease;

    /// <summary>Takes ownership of <paramref name="lease"/>.</summary>
    /// <exception cref="InvalidOperationException">The scope already holds a lease.</exception>
    public void Hold(ItemLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (Interlocked.CompareExchange(ref _lease, lease, null) is not null)
        {
            throw new InvalidOperationException("This request scope already holds a lease.");
        }
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _lease, null)?.DisposeAsync() ?? ValueTask.CompletedTask;
}
