namespace Connect.Processor;

/// <summary>
/// Where replicas take their item leases (<c>coordination</c>): a replica leases a request's id before its handler runs
/// and holds the lease until the outcome is written to Connect, so no two replicas handle one request at the same time.
/// </summary>
public enum CoordinationKind
{
    /// <summary>
    /// Leases inside this process only (the default): right for one replica, and needs no external service. Several
    /// replicas with <c>none</c> do not see each other's leases; use <see cref="Redis"/> or <see cref="Postgres"/> for them.
    /// </summary>
    None,

    /// <summary>
    /// Redis (<c>DistributedLock.Redis</c>): a lease is a key with an expiry of <see cref="ProcessorOptions.LeaseDurationSeconds"/>,
    /// extended while it is held; a replica that dies loses its leases when they expire.
    /// </summary>
    Redis,

    /// <summary>
    /// PostgreSQL (<c>DistributedLock.Postgres</c>): a lease is a session advisory lock; a replica that dies loses its
    /// leases when the server ends its session (at once when the process is killed, after the TCP keepalive checks when
    /// the host vanishes).
    /// </summary>
    Postgres,
}
