using System.Runtime.ExceptionServices;

namespace Connect.Usage;

/// <summary>
/// A write-only stream that hands what is written to a background thread, which writes it to the target stream in
/// the same order: the records sheet's XML is serialized on the caller's thread while the package deflates and
/// stores the previous blocks on the second core.
/// </summary>
/// <remarks>
/// Bytes are gathered into blocks of <c>blockSize</c> bytes (256 KB by default); at most <c>maxQueuedBlocks</c> (4)
/// full blocks wait for the background thread, and a writer that gets that far ahead blocks, so memory stays bounded
/// (about 1.5 MB) whatever is written; blocks are reused. A failure of the target is rethrown to the writer by its
/// next <see cref="Write(ReadOnlySpan{byte})"/>, <see cref="Flush"/> or <see cref="Dispose(bool)"/>; blocks queued
/// after a failure are dropped. Disposing writes what is left, waits for the background thread and leaves the target
/// open. One writer thread at a time.
/// </remarks>
internal sealed class BackgroundWriteStream : Stream
{
    private readonly Stream _target;
    private readonly int _blockSize;
    private readonly int _maxQueuedBlocks;
    private readonly Queue<Block> _queue;
    private readonly Thread _thread;
    private readonly object _gate = new();
    private byte[] _block;
    private int _used;
    private long _written;
    private readonly Stack<byte[]> _free = new();
    private int _pending; // queued or being written; guarded by _gate like _queue, _free, _completed and the flags
    private bool _completed;
    private bool _writerWaiting;
    private bool _backgroundWaiting;
    private Exception? _failure;
    private bool _failureReported;
    private bool _disposed;

    public BackgroundWriteStream(Stream target, int blockSize = 1 << 18, int maxQueuedBlocks = 4)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueuedBlocks, 1);
        _target = target;
        _blockSize = blockSize;
        _block = new byte[blockSize];
        _maxQueuedBlocks = maxQueuedBlocks;
        _queue = new Queue<Block>(maxQueuedBlocks);
        _thread = new Thread(Run) { IsBackground = true, Name = "Connect.Usage background write" };
        _thread.Start();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
        while (!buffer.IsEmpty)
        {
            var length = Math.Min(buffer.Length, _blockSize - _used);
            buffer[..length].CopyTo(_block.AsSpan(_used));
            _used += length;
            _written += length;
            buffer = buffer[length..];
            if (_used == _blockSize)
            {
                Enqueue();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Hands over the current block, waits until the background thread has written everything, then flushes the target.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
        if (_used > 0)
        {
            Enqueue();
        }

        lock (_gate)
        {
            while (_pending > 0)
            {
                _writerWaiting = true;
                Monitor.Wait(_gate);
                _writerWaiting = false;
            }
        }

        ThrowIfFailed();
        _target.Flush(); // the background thread is idle: nothing is queued
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            base.Dispose(disposing);
            return;
        }

        _disposed = true;
        try
        {
            if (_used > 0 && Volatile.Read(ref _failure) is null)
            {
                Enqueue();
            }
        }
        finally
        {
            lock (_gate)
            {
                _completed = true;
                Monitor.PulseAll(_gate);
            }

            _thread.Join();
            _block = [];
            _free.Clear();
            base.Dispose(disposing);
        }

        if (_failure is { } failure && !_failureReported)
        {
            // Not seen by a write or flush yet; one already reported is not thrown again while the caller unwinds.
            _failureReported = true;
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    // Monitor.Wait/Pulse rather than a BlockingCollection: its SemaphoreSlim spins before it sleeps, and with a block
    // every few thousand rows that spinning cost as much CPU as the deflating it waited for. Each side pulses only
    // when the other waits, and blocks go back to a small free list rather than to the shared ArrayPool (whose
    // per-thread caches do not suit buffers rented on one thread and returned on another).
    private void Enqueue()
    {
        var block = new Block(_block, _used);
        lock (_gate)
        {
            while (_queue.Count >= _maxQueuedBlocks)
            {
                _writerWaiting = true; // the writer is ahead: wait for the background thread
                Monitor.Wait(_gate);
                _writerWaiting = false;
            }

            _queue.Enqueue(block);
            _pending++;
            _block = _free.Count > 0 ? _free.Pop() : new byte[_blockSize];
            if (_backgroundWaiting)
            {
                Monitor.PulseAll(_gate);
            }
        }

        _used = 0;
    }

    private void Run()
    {
        Block? written = null;
        while (true)
        {
            Block block;
            lock (_gate)
            {
                if (written is { } done)
                {
                    _free.Push(done.Bytes);
                    _pending--;
                }

                while (_queue.Count == 0 && !_completed)
                {
                    if (_writerWaiting)
                    {
                        Monitor.PulseAll(_gate); // a flush waiting for everything to be written
                    }

                    _backgroundWaiting = true;
                    Monitor.Wait(_gate);
                    _backgroundWaiting = false;
                }

                if (_queue.Count == 0)
                {
                    return; // completed and drained
                }

                block = _queue.Dequeue();
                if (_writerWaiting)
                {
                    Monitor.PulseAll(_gate); // room for the writer
                }
            }

            try
            {
                if (Volatile.Read(ref _failure) is null)
                {
                    _target.Write(block.Bytes, 0, block.Length);
                }
            }
            catch (Exception ex)
            {
                // Kept for the writer's thread; later blocks are only drained so a blocked writer can go on.
                Volatile.Write(ref _failure, ex);
            }

            written = block;
        }
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure && !_failureReported)
        {
            _failureReported = true;
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (_failure is not null)
        {
            throw new IOException("An earlier write to the underlying stream failed.", _failure);
        }
    }

    private readonly record struct Block(byte[] Bytes, int Length);
}
