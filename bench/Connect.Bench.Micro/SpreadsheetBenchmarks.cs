using BenchmarkDotNet.Attributes;
using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;

namespace Connect.Bench.Micro;

/// <summary>
/// Usage spreadsheet rows: <see cref="UsageSpreadsheetWriter"/> writing <see cref="Rows"/> records to a discarding,
/// non-seekable stream. Reported per row (OperationsPerInvoke), workbook set-up included and amortized.
/// </summary>
[MemoryDiagnoser]
public class SpreadsheetBenchmarks
{
    public const int Rows = 10_000;

    private UsageRecord[] _records = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        _records = [.. Enumerable.Range(0, Rows).Select(i => new UsageRecord
        {
            RecordId = $"rec-{i}",
            RecordNote = "bench",
            ItemSearchCriteria = "item.mpn",
            ItemSearchValue = "MPN-PPU-CALLS",
            Quantity = 1 + (i % 97),
            Amount = 12.345678m + i,
            StartTimeUtc = start.AddMinutes(i % 43_200),
            EndTimeUtc = start.AddMinutes((i % 43_200) + 1),
            AssetSearchCriteria = "asset.id",
            AssetSearchValue = $"AS-{i % 10_000:0000}-0000-0000",
            CategoryId = "generic_category",
        })];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long WriteRow()
    {
        using var sink = new DiscardStream();
        return UsageSpreadsheetWriter.Write(sink, _records).RecordCount;
    }

    /// <summary>A forward-only stream that counts and drops what is written.</summary>
    private sealed class DiscardStream : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _written += buffer.Length;
    }
}
