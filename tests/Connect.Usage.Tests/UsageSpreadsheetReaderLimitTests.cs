namespace Connect.Usage.Tests;

/// <summary>The reader stops at the first crossed <see cref="UsageReadLimits"/> limit with an error naming it.</summary>
public sealed class UsageSpreadsheetReaderLimitTests
{
    [Fact]
    public async Task ReadRecords_CellLongerThanTheLimit_ThrowsNamingTheCellAndTheLimit()
    {
        var record = TestData.Valid();
        record.RecordNote = new string('n', 101);
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [TestData.Valid(1), record]);

        xlsx.Position = 0;
        var ex = Assert.Throws<UsageFormatException>(() => UsageSpreadsheetReader.ReadRecords(xlsx, new UsageReadLimits { MaxCellChars = 100 }).ToList());
        Assert.Contains("row 3, column B of the usage_records sheet: a cell is longer than the limit of 100 characters (cell length)", ex.Message, StringComparison.Ordinal);

        xlsx.Position = 0;
        Assert.Equal(2, UsageSpreadsheetReader.ReadRecords(xlsx, new UsageReadLimits { MaxCellChars = 101 }).Count());
    }

    [Fact]
    public async Task ReadRecords_MoreRowsThanTheLimit_Throws()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(3));

        xlsx.Position = 0;
        var ex = Assert.Throws<UsageFormatException>(() => UsageSpreadsheetReader.ReadRecords(xlsx, new UsageReadLimits { MaxRows = 3 }).ToList());
        Assert.Contains("the usage_records sheet has more than 3 rows (limit)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRecords_MoreColumnsThanTheLimit_Throws()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(1));

        xlsx.Position = 0;
        var ex = Assert.Throws<UsageFormatException>(() => UsageSpreadsheetReader.ReadRecords(xlsx, new UsageReadLimits { MaxColumns = 16 }).ToList());
        Assert.Contains("row 1 of the usage_records sheet has more than 16 columns (limit)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRecords_LargerOnceDecompressedThanTheLimit_ThrowsBeforeReading()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(10));

        xlsx.Position = 0;
        var ex = Assert.Throws<UsageFormatException>(() => UsageSpreadsheetReader.ReadRecords(xlsx, new UsageReadLimits { MaxExpandedBytes = 1000 }).ToList());
        Assert.Contains("more than the limit of 1000 bytes (decompressed size)", ex.Message, StringComparison.Ordinal);
    }
}
