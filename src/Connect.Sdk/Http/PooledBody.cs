using System.Buffers;

namespace Connect.Sdk;

/// <summary>
/// A response body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>: no string copy and no
/// large-object-heap allocation per page. Dispose returns the buffer.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    private PooledBody()
    {
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Reads <paramref name="content"/> to its end; a read cut short by <paramref name="cancellationToken"/> returns the buffer.</summary>
    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = new PooledBody();
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var expected = content.Headers.ContentLength is long known and > 0 and < int.MaxValue ? (int)known + 1 : 64 * 1024;
                body._buffer = ArrayPool<byte>.Shared.Rent(expected);
                while (true)
                {
                    if (body._length == body._buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(checked(body._buffer.Length * 2));
                        body._buffer.AsSpan(0, body._length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(body._buffer);
                        body._buffer = larger;
                    }

                    var read = await stream.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return body;
                    }

                    body._length += read;
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _length = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
