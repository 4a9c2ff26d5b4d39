using System.Text;

namespace Connect.Processor;

/// <summary>The stable request-to-replica mapping used by <see cref="ShardOptions"/>.</summary>
public static class RequestShard
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>
    /// The shard of an id: FNV-1a (32 bit) of its UTF-8 bytes modulo <paramref name="count"/>. Unlike
    /// <see cref="string.GetHashCode()"/> it is the same in every process, so replicas agree.
    /// </summary>
    /// <param name="id">Request id.</param>
    /// <param name="count">Number of shards (at least 1).</param>
    /// <returns>A shard index from 0 to <paramref name="count"/> - 1.</returns>
    public static int Of(string id, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(Fnv1a(id) % (uint)count);
    }

    /// <summary>FNV-1a, 32 bit, of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text to hash.</param>
    /// <returns>The hash.</returns>
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis;
        Span<byte> buffer = stackalloc byte[256];
        ReadOnlySpan<byte> bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }
}
