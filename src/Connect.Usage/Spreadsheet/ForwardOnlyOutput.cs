namespace Connect.Usage;

/// <summary>
/// The caller's stream as the package sees it: write-only and forward-only, so System.IO.Packaging opens its zip
/// archive in create mode and streams each part instead of buffering it. Once <see cref="Abandon"/> is called, writes
/// are dropped, so a failed run never completes a valid-looking package.
/// </summary>
internal sealed class ForwardOnlyOutput(Stream inner) : Stream
{
    private readonly long _start = inner.CanSeek ? inner.Position : -1;
    private long _written;

    public bool Abandoned { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>Drops every later write and, when the caller's stream can seek, cuts it back to where writing began.</summary>
    public void Abandon()
    {
        if (Abandoned)
        {
            return;
        }

        Abandoned = true;
        if (_start >= 0 && inner.CanSeek && inner.CanWrite)
        {
            inner.SetLength(_start);
            inner.Position = _start;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _written += buffer.Length;
        if (!Abandoned)
        {
            inner.Write(buffer);
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        if (!Abandoned)
        {
            inner.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
