namespace Connect.Processor;

/// <summary>
/// Splits requests across replicas: a replica handles a request when a stable hash of its id (FNV-1a, 32 bit, over the
/// UTF-8 bytes) modulo <see cref="Count"/> equals <see cref="Index"/>. Every replica must use the same <see cref="Count"/>.
/// </summary>
public sealed class ShardOptions
{
    /// <summary>This replica's shard, 0 to <see cref="Count"/> - 1; default 0.</summary>
    public int Index { get; set; }

    /// <summary>Number of replicas sharing the work; default 1 (no sharding).</summary>
    public int Count { get; set; } = 1;

    /// <summary>Whether this replica handles the request or tier config request with this id.</summary>
    /// <param name="id">Request id, e.g. <c>PR-0001-0001-0001-001</c>.</param>
    /// <returns>True when the id falls in this shard.</returns>
    public bool Owns(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Count <= 1 || RequestShard.Of(id, Count) == Index;
    }
}
