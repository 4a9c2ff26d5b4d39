using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Connect.Usage;

/// <summary>
/// A write-only stream that hands what is written to a background thread, which writes it to the target stream in
/// the same order: the records sheet's XML is serialized on the caller's thread while the package deflates and
/// stores the previous blocks on the second core.
/// </summary>
/// <remarks>
/// Bytes are gathered into pooled blocks of <c>blockSize</c> bytes; at most <c>maxQueuedBlocks</c> full blocks wait
/// for the background thread, and a writer that gets that far ahead blocks, so memory stays bounded whatever is
/// written. A failure of the target is rethrown to the writer by its next <see cref="Write(ReadOnlySpan{byte})"/>,
/// <see cref="Flush"/> or <see cref="Dispose(bool)"/>; blocks queued after a failure are dropped. Disposing writes
/// what is left, waits for the background thread and leaves the target open. One writer thread at a time.
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
    private int _pending; // queued or being written; guarded by _gate like _queue and _completed
    private bool _completed;
    private Exception? _failure;
    private bool _failureReported;
    private bool _disposed;

    public BackgroundWriteStream(Stream target, int blockSize = 1 << 16, int maxQueuedBlocks = 8)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueuedBlocks, 1);
        _target = target;
        _blockSize = blockSize;
        _block = ArrayPool<byte>.Shared.Rent(blockSize);
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
                Monitor.Wait(_gate);
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
            ArrayPool<byte>.Shared.Return(_block);
            _block = [];
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
    // every few thousand rows that spinning cost as much CPU as the deflating it waited for.
    private void Enqueue()
    {
        var block = new Block(_block, _used);
        _block = ArrayPool<byte>.Shared.Rent(_blockSize);
        _used = 0;
        lock (_gate)
        {
            while (_queue.Count >= _maxQueuedBlocks)
            {
                Monitor.Wait(_gate); // the writer is ahead: wait for the background thread
            }

            _queue.Enqueue(block);
            _pending++;
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            Block block;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return; // completed and drained
                }

                block = _queue.Dequeue();
                Monitor.PulseAll(_gate); // room for the writer
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
            finally
            {
                ArrayPool<byte>.Shared.Return(block.Bytes);
                lock (_gate)
                {
                    _pending--;
                    Monitor.PulseAll(_gate);
                }
            }
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
