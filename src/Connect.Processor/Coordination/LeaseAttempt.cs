namespace Connect.Processor;

/// <summary>What became of an attempt to lease an item.</summary>
internal enum LeaseStatus
{
    /// <summary>Leased, and the item (read again under the lease) still waits to be handled.</summary>
    Acquired,

    /// <summary>Another replica holds the item's lease: it is working on the item now.</summary>
    HeldElsewhere,

    /// <summary>Leased, but the item read again was no longer pending (finished meanwhile); the lease was released.</summary>
    Finished,

    /// <summary>The lock service did not answer: the item is not handled (never without a lease).</summary>
    Unavailable,
}

/// <summary>The result of <see cref="ItemLeases.TryLeaseAsync{T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Status">What happened.</param>
/// <param name="Lease">The held lease when <see cref="LeaseStatus.Acquired"/>; the caller releases it (disposes it) once the outcome is written.</param>
/// <param name="Item">The item as read under the lease when <see cref="LeaseStatus.Acquired"/>.</param>
/// <param name="Error">Why the lock service was unavailable (secrets removed).</param>
internal readonly record struct LeaseAttempt<T>(LeaseStatus Status, ItemLease? Lease, T? Item, string? Error)
    where T : class;
