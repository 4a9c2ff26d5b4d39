using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

public sealed class BackgroundWriteStreamTests
{
    [Fact]
    public void Write_ChunksOfManySizes_TargetReceivesTheSameBytesInOrder()
    {
        var random = new Random(5);
        var expected = new byte[100_000];
        random.NextBytes(expected);
        using var target = new MemoryStream();
        using (var stream = new BackgroundWriteStream(target, blockSize: 97, maxQueuedBlocks: 2))
        {
            for (var offset = 0; offset < expected.Length;)
            {
                var count = Math.Min(random.Next(0, 400), expected.Length - offset);
                if (count == 1)
                {
                    stream.WriteByte(expected[offset]);
                }
                else
                {
                    stream.Write(expected, offset, count);
                }

                offset += count;
            }

            Assert.Equal(expected.Length, stream.Position);
        }

        Assert.Equal(expected, target.ToArray());
    }

    [Fact]
    public void Flush_AfterWrites_TargetHasEverythingAndIsFlushed()
    {
        using var target = new RecordingStream();
        using var stream = new BackgroundWriteStream(target, blockSize: 8);

        stream.Write("0123456789abc"u8);
        stream.Flush();

        Assert.Equal("0123456789abc"u8.ToArray(), target.ToArray());
        Assert.Equal(1, target.Flushes);
    }

    [Fact]
    public void Dispose_PartialBlock_IsWrittenAndTheTargetLeftOpen()
    {
        using var target = new MemoryStream();
        var stream = new BackgroundWriteStream(target, blockSize: 1024);
        stream.Write("abc"u8);

        stream.Dispose();

        Assert.Equal("abc"u8.ToArray(), target.ToArray());
        Assert.True(target.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => stream.Write("d"u8));
    }

    [Fact]
    public void Flush_TargetFailed_ThrowsTheTargetsException()
    {
        using var target = new RecordingStream { FailAfter = 10 };
        using var stream = new BackgroundWriteStream(target, blockSize: 8);
        stream.Write(new byte[40]);

        var error = Assert.Throws<IOException>(stream.Flush);

        Assert.Equal("disk full", error.Message);
        // Later writes keep failing, naming the first failure.
        var later = Assert.Throws<IOException>(() => stream.Write(new byte[1]));
        Assert.Same(error, later.InnerException);
    }

    [Fact]
    public void Dispose_TargetFailedUnseen_ThrowsTheTargetsException()
    {
        using var target = new RecordingStream { FailAfter = 0 };
        var stream = new BackgroundWriteStream(target, blockSize: 1024);
        stream.Write("abc"u8);

        var error = Assert.Throws<IOException>(stream.Dispose);

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task Write_WriterFarAhead_WaitsForTheTargetInsteadOfBuffering()
    {
        using var release = new ManualResetEventSlim();
        using var target = new RecordingStream { Gate = release };
        using var stream = new BackgroundWriteStream(target, blockSize: 4, maxQueuedBlocks: 1);

        // One block in the target's hands, one queued, one being filled: 100 bytes cannot all be taken.
        var writing = Task.Run(() => stream.Write(new byte[100]));
        var first = await Task.WhenAny(writing, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(writing, first);

        release.Set();
        await writing;
        stream.Flush();
        Assert.Equal(100, target.Length);
    }

    [Fact]
    public void Write_ToANonStreamingTarget_IsNotSupportedToReadOrSeek()
    {
        using var stream = new BackgroundWriteStream(new MemoryStream());

        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task WriteAsync_OutputFailsMidway_ThrowsTheOutputsException()
    {
        // Enough rows for the records sheet to pass through the background thread many times before the failure.
        using var output = new RecordingStream { FailAfter = 200_000 };

        var error = await Assert.ThrowsAsync<IOException>(() => UsageSpreadsheetWriter.WriteAsync(output, TestData.Many(200_000)));

        Assert.Equal("disk full", error.Message);
    }

    [Fact]
    public async Task WriteAsync_ManyRows_ReadBackInOrderByBothReaders()
    {
        const int Count = 30_000; // the sheet is a few megabytes: dozens of background blocks
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(Count));

        xlsx.Position = 0;
        var records = UsageSpreadsheetReader.ReadRecords(xlsx).ToList();
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"rec-{i}"), records.Select(r => r.RecordId));
        var rows = DomReader.Rows(xlsx, "usage_records");
        Assert.Equal(Count + 1, rows.Count);
        Assert.Equal($"rec-{Count - 1}", rows[^1][0].Text);
        Assert.Equal($"A{Count + 1}", rows[^1][0].Reference);
    }

    [Fact]
    public async Task WriteAsync_WithAndWithoutTheBackgroundThread_WritesTheSameSheet()
    {
        using var background = new MemoryStream();
        using var inline = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(background, TestData.Many(20_000));
        await UsageSpreadsheetWriter.WriteAsync(inline, TestData.Many(20_000), new UsageSpreadsheetOptions { BackgroundWrite = false });

        Assert.Equal(SheetXml(inline), SheetXml(background));
    }

    [Fact]
    public async Task WriteAsync_CancelledAfterManyRows_ThrowsAndLeavesNoWorkbook()
    {
        using var cts = new CancellationTokenSource();
        IEnumerable<UsageRecord> CancelLate()
        {
            foreach (var record in TestData.Many(50_000))
            {
                if (record.RecordId == "rec-40000")
                {
                    cts.Cancel();
                }

                yield return record;
            }
        }

        using var xlsx = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => UsageSpreadsheetWriter.WriteAsync(xlsx, CancelLate(), cancellationToken: cts.Token));

        Assert.Equal(0, xlsx.Length);
    }

    [Fact]
    public async Task WriteAsync_InvalidRecordAfterManyRows_LeavesNoWorkbook()
    {
        IEnumerable<UsageRecord> LateError()
        {
            foreach (var record in TestData.Many(30_000))
            {
                if (record.RecordId == "rec-25000")
                {
                    record.Quantity = -1;
                }

                yield return record;
            }
        }

        using var xlsx = new MemoryStream();
        var error = await Assert.ThrowsAsync<UsageValidationException>(() => UsageSpreadsheetWriter.WriteAsync(xlsx, LateError()));

        Assert.Equal(25_002, Assert.Single(error.Errors).RowNumber);
        Assert.Equal(0, xlsx.Length);
    }

    private static byte[] SheetXml(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        using var copy = new MemoryStream();
        sheet.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A memory stream that counts flushes, can wait on a gate before each write and can fail past a length.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public long FailAfter { get; init; } = long.MaxValue;

        public ManualResetEventSlim? Gate { get; init; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Gate?.Wait();
            if (Length + count > FailAfter)
            {
                throw new IOException("disk full");
            }

            base.Write(buffer, offset, count);
        }
    }
}
