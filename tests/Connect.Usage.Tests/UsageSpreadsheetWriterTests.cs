using System.Globalization;
using Connect.Sdk;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

public sealed class UsageSpreadsheetWriterTests
{
    private static readonly string[] GoldenHeaders =
    [
        "record_id", "record_note", "item_search_criteria", "item_search_value", "amount", "quantity", "start_time_utc",
        "end_time_utc", "asset_search_criteria", "asset_search_value", "item_name", "item_mpn", "item_precision",
        "item_unit", "category_id", "asset_recon_id", "tier",
    ];

    [Fact]
    public async Task WriteAsync_Records_HeaderRowIsThe17ColumnLayout()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(2));

        var header = DomReader.Rows(xlsx, "usage_records")[0];
        Assert.Equal(GoldenHeaders, header.Select(c => c.Text));
        Assert.Equal(
            ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "K1", "L1", "M1", "N1", "O1", "P1", "Q1"],
            header.Select(c => c.Reference));
    }

    [Fact]
    public async Task WriteAsync_Records_WorkbookHasUsageRecordsAndCategoriesSheets()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(1));

        Assert.Equal(["usage_records", "categories"], DomReader.SheetNames(xlsx));
    }

    [Fact]
    public async Task WriteAsync_Record_CellsHaveTheContractTypesAndFormats()
    {
        var record = TestData.Valid();
        record.Tier = 2;
        record.ItemPrecision = "decimal(2)";
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [record]);

        var cells = DomReader.Rows(xlsx, "usage_records")[1].ToDictionary(c => c.Reference);
        Assert.Equal("rec-0", cells["A2"].Text);
        Assert.Equal("inlineStr", cells["A2"].Type);
        // Numbers: numeric cells (no t attribute = n), invariant text, full decimal precision.
        Assert.Null(cells["E2"].Type);
        Assert.Equal("0.123456789012345678", cells["E2"].Text);
        Assert.Null(cells["F2"].Type);
        Assert.Equal("1.5", cells["F2"].Text);
        Assert.Null(cells["Q2"].Type);
        Assert.Equal("2", cells["Q2"].Text);
        // Dates: text, YYYY-MM-DD hh:mm:ss, UTC.
        Assert.Equal("inlineStr", cells["G2"].Type);
        Assert.Equal("2026-03-01 07:21:39", cells["G2"].Text);
        Assert.Equal("2026-03-01 08:21:39", cells["H2"].Text);
        Assert.Equal("decimal(2)", cells["M2"].Text);
        Assert.Equal(("s", "item.mpn"), (cells["C2"].Type, cells["C2"].Text)); // repeated values go to the shared-string table
        Assert.Equal("generic_category", cells["O2"].Text);
        Assert.False(cells.ContainsKey("K2")); // empty cells are absent
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("=HYPERLINK(\"http://example.com\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,2)")]
    [InlineData("\t=1+1")]
    public async Task WriteAsync_FormulaLookingText_KeptExactlyInACellMarkedAsText(string hostile)
    {
        var record = TestData.Valid();
        record.RecordNote = hostile;
        record.ItemName = hostile;
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [record, TestData.Valid(1)]);

        xlsx.Position = 0;
        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var cells = part.Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
            var marked = cells.Where(c => c.StyleIndex?.Value is { } style && formats[(int)style].QuotePrefix?.Value == true).Select(c => c.CellReference?.Value).ToList();
            Assert.Equal(["B2", "K2"], marked);
            Assert.All(cells, c => Assert.Null(c.CellFormula));
        }

        var cellsByReference = DomReader.Rows(xlsx, "usage_records")[1].ToDictionary(c => c.Reference);
        Assert.Equal(hostile, cellsByReference["B2"].Text);
        xlsx.Position = 0;
        var read = UsageSpreadsheetReader.ReadRecords(xlsx).First();
        Assert.Equal(hostile, read.RecordNote);
        Assert.Equal(hostile, read.ItemName);
    }

    [Fact]
    public async Task WriteAsync_OrdinaryText_IsNotMarked()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [TestData.Valid()]);

        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.All(part.Worksheet.Descendants<Cell>(), c => Assert.Null(c.StyleIndex));
    }

    [Fact]
    public async Task WriteAsync_Default_OnlyCellsAfterAGapCarryAReference()
    {
        var sparse = TestData.Valid(1);
        sparse.RecordNote = null;
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [TestData.Valid(), sparse]);

        var rows = RawRows(xlsx);
        Assert.All(rows, row => Assert.Null(row.RowIndex));
        Assert.Equal([null, null, null, null, null, null, null, null, null, null, "O2"], rows[1].Elements<Cell>().Select(c => c.CellReference?.Value));
        Assert.Equal([null, "C3", null, null, null, null, null, null, null, "O3"], rows[2].Elements<Cell>().Select(c => c.CellReference?.Value));
        // Read back by position, the cells land in their columns.
        var cells = DomReader.Rows(xlsx, "usage_records")[2].ToDictionary(c => c.Reference, c => c.Text);
        Assert.Equal(("rec-1", "item.mpn", "generic_category"), (cells["A3"], cells["C3"], cells["O3"]));
        Assert.False(cells.ContainsKey("B3"));
        xlsx.Position = 0;
        var records = UsageSpreadsheetReader.ReadRecords(xlsx).ToList();
        Assert.Equal((null, "rec-1", "item.mpn"), (records[1].RecordNote, records[1].RecordId, records[1].ItemSearchCriteria));
    }

    [Fact]
    public async Task WriteAsync_CellReferencesOption_EveryRowAndCellCarriesItsReference()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(3), new UsageSpreadsheetOptions { CellReferences = true });

        var rows = RawRows(xlsx);
        Assert.Equal([1U, 2U, 3U, 4U], rows.Select(r => r.RowIndex?.Value));
        Assert.Equal(
            ["A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4", "I4", "J4", "O4"],
            rows[3].Elements<Cell>().Select(c => c.CellReference?.Value));
        Assert.All(rows[0].Elements<Cell>(), c => Assert.EndsWith("1", c.CellReference!.Value!));
    }

    private static List<Row> RawRows(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "usage_records");
        return [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r => (Row)r.CloneNode(true))];
    }

    [Fact]
    public async Task WriteAsync_LocalAndUnspecifiedDates_AreWrittenInUtc()
    {
        var record = TestData.Valid();
        record.StartTimeUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        record.EndTimeUtc = new DateTimeOffset(2026, 1, 2, 10, 4, 5, TimeSpan.FromHours(2)).UtcDateTime;
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, [record]);

        var cells = DomReader.Rows(xlsx, "usage_records")[1].ToDictionary(c => c.Reference);
        Assert.Equal("2026-01-02 03:04:05", cells["G2"].Text);
        Assert.Equal("2026-01-02 08:04:05", cells["H2"].Text);
    }

    [Fact]
    public async Task WriteAsync_NoCategories_WritesTheGenericCategoryRow()
    {
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, TestData.Many(1));

        var rows = DomReader.Rows(xlsx, "categories");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["category_id", "category_name", "category_description"], rows[0].Select(c => c.Text));
        Assert.Equal(["generic_category", "Generic Category", "Generic autogenerated category"], rows[1].Select(c => c.Text));
    }

    [Fact]
    public async Task WriteAsync_UserCategories_AreWrittenAndUsedAsDefault()
    {
        var options = new UsageSpreadsheetOptions
        {
            Categories = [new("storage", "Storage", "GB stored"), new("egress", "Egress")],
        };
        var second = TestData.Valid(1);
        second.CategoryId = "egress";
        using var xlsx = new MemoryStream();
        var summary = await UsageSpreadsheetWriter.WriteAsync(xlsx, [TestData.Valid(0), second], options);

        Assert.Equal(2, summary.CategoryCount);
        var categories = DomReader.Rows(xlsx, "categories");
        Assert.Equal(["storage", "Storage", "GB stored"], categories[1].Select(c => c.Text));
        Assert.Equal(["egress", "Egress"], categories[2].Select(c => c.Text));
        var records = DomReader.Rows(xlsx, "usage_records");
        Assert.Equal("storage", records[1].Single(c => c.Reference == "O2").Text);
        Assert.Equal("egress", records[2].Single(c => c.Reference == "O3").Text);
    }

    [Fact]
    public async Task WriteAsync_RecordsWithParams_AddsOneColumnPerParameter()
    {
        var first = TestData.Valid(0);
        first.Params = new Dictionary<string, string> { ["v.region"] = "eu", ["p.plan"] = "gold" };
        var second = TestData.Valid(1);
        second.Params = new Dictionary<string, string> { ["p.plan"] = "silver" };
        using var xlsx = new MemoryStream();
        var summary = await UsageSpreadsheetWriter.WriteAsync(xlsx, [first, second]);

        Assert.Equal(["v.region", "p.plan"], summary.ParameterColumns);
        var rows = DomReader.Rows(xlsx, "usage_records");
        Assert.Equal([.. GoldenHeaders, "v.region", "p.plan"], rows[0].Select(c => c.Text));
        Assert.Equal("eu", rows[1].Single(c => c.Reference == "R2").Text);
        Assert.Equal("silver", rows[2].Single(c => c.Reference == "S3").Text);
        Assert.DoesNotContain(rows[2], c => c.Reference == "R3");
    }

    [Fact]
    public async Task WriteAsync_UndeclaredParameter_IsAValidationError()
    {
        var first = TestData.Valid(0);
        var second = TestData.Valid(1);
        second.Params = new Dictionary<string, string> { ["late"] = "x" };
        using var xlsx = new MemoryStream();

        var error = await Assert.ThrowsAsync<UsageValidationException>(() => UsageSpreadsheetWriter.WriteAsync(xlsx, [first, second]));

        Assert.Equal(("late", 3L), (error.Errors.Single().Field, error.Errors.Single().RowNumber));
    }

    [Fact]
    public async Task WriteAsync_ThenReadBack_RecordsAreEqual()
    {
        var records = TestData.Many(50).ToList();
        records[3].Tier = 4;
        records[4].ItemName = "Extra GB";
        records[4].ItemMpn = "EXTRA-GB";
        records[4].ItemPrecision = "integer";
        records[4].ItemUnit = "GB";
        records[5].AssetReconId = "recon-5";
        records[6].RecordNote = "  padded, \"quoted\" & <tagged>  ";
        records[7].Amount = 79228162514264337593543950335m;
        records[8].Quantity = 0.0000000000000000000000000001m;
        records[9].AssetSearchCriteria = "parameter.subscription_id";
        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, ToAsync(records));

        xlsx.Position = 0;
        var read = UsageSpreadsheetReader.ReadRecords(xlsx).ToList();

        Assert.Equal(records.Count, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(Describe(records[i]), Describe(read[i]));
        }
    }

    [Fact]
    public async Task WriteAsync_MoreDistinctValuesThanTheSharedTableHolds_AllReadBack()
    {
        var records = TestData.Many(6000).ToList();
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            record.ItemSearchValue = $"SKU-{i}";
        }

        using var xlsx = new MemoryStream();
        await UsageSpreadsheetWriter.WriteAsync(xlsx, records);

        var rows = DomReader.Rows(xlsx, "usage_records");
        Assert.Equal(records.Select(r => r.ItemSearchValue), rows.Skip(1).Select(r => r.Single(c => c.Reference.StartsWith('D')).Text));
        Assert.Equal("s", rows[1].Single(c => c.Reference == "D2").Type);
        Assert.Equal("inlineStr", rows[6000].Single(c => c.Reference == "D6001").Type);
    }

    [Fact]
    public async Task WriteAsync_RecordsWithoutIds_GetUniquePrefixedIds()
    {
        IEnumerable<UsageRecord> WithoutIds()
        {
            foreach (var record in TestData.Many(100_000))
            {
                record.RecordId = null;
                yield return record;
            }
        }

        using var xlsx = new MemoryStream();
        var summary = await UsageSpreadsheetWriter.WriteAsync(xlsx, WithoutIds(), new UsageSpreadsheetOptions { RecordIdPrefix = "PRD-1" });

        xlsx.Position = 0;
        var ids = UsageSpreadsheetReader.ReadRecords(xlsx).Select(r => r.RecordId!).ToList();
        Assert.Equal(100_000, summary.RecordCount);
        Assert.Equal(100_000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^PRD-1-[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task WriteAsync_InvalidRecord_ThrowsAllErrorsAndLeavesNoWorkbook()
    {
        var records = TestData.Many(10).ToList();
        records[2].Quantity = -1;
        records[7].ItemSearchCriteria = null;
        using var xlsx = new MemoryStream();
        xlsx.Write([1, 2, 3]); // what was there before is kept

        var error = await Assert.ThrowsAsync<UsageValidationException>(() => UsageSpreadsheetWriter.WriteAsync(xlsx, records));

        Assert.Equal([(4L, "quantity"), (9L, "item_search_criteria")], error.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.Contains("row 4 (record 'rec-2'), quantity", error.Message);
        Assert.Equal([1, 2, 3], xlsx.ToArray());
    }

    [Fact]
    public async Task WriteAsync_ManyInvalidRecords_StopsAtTheErrorCap()
    {
        IEnumerable<UsageRecord> Invalid()
        {
            foreach (var record in TestData.Many(1000))
            {
                record.ItemSearchValue = null;
                yield return record;
            }
        }

        using var xlsx = new MemoryStream();
        var error = await Assert.ThrowsAsync<UsageValidationException>(
            () => UsageSpreadsheetWriter.WriteAsync(xlsx, Invalid(), new UsageSpreadsheetOptions { MaxErrors = 5 }));

        Assert.Equal(5, error.Errors.Count);
        Assert.True(error.Truncated);
    }

    [Fact]
    public async Task WriteAsync_NonSeekableOutput_ProducesAReadableWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            await UsageSpreadsheetWriter.WriteAsync(forwardOnly, TestData.Many(3));
        }

        using var copy = new MemoryStream(buffer.ToArray());
        Assert.Equal(3, UsageSpreadsheetReader.ReadRecords(copy).Count());
    }

    [Fact]
    public async Task WriteAsync_RepeatedCategoryId_IsRejected()
    {
        var options = new UsageSpreadsheetOptions { Categories = [new("a", "A"), new("a", "Again")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => UsageSpreadsheetWriter.WriteAsync(new MemoryStream(), TestData.Many(1), options));

        Assert.Contains("'a' appears twice", error.Message);
    }

    [Fact]
    public async Task WriteAsync_NoRecords_WritesHeaderOnly()
    {
        using var xlsx = new MemoryStream();
        var summary = await UsageSpreadsheetWriter.WriteAsync(xlsx, Array.Empty<UsageRecord>());

        Assert.Equal(0, summary.RecordCount);
        Assert.Single(DomReader.Rows(xlsx, "usage_records"));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_ThrowsAndLeavesNoWorkbook()
    {
        using var cts = new CancellationTokenSource();
        async IAsyncEnumerable<UsageRecord> CancelAfterTwo([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            var i = 0;
            foreach (var record in TestData.Many(10))
            {
                if (i++ == 2)
                {
                    await cts.CancelAsync();
                }

                ct.ThrowIfCancellationRequested();
                yield return record;
            }
        }

        using var xlsx = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => UsageSpreadsheetWriter.WriteAsync(xlsx, CancelAfterTwo(), cancellationToken: cts.Token));
        Assert.Equal(0, xlsx.Length);
    }

    private static async IAsyncEnumerable<UsageRecord> ToAsync(IEnumerable<UsageRecord> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private static string Describe(UsageRecord r) => string.Join("|",
        r.RecordId, r.RecordNote, r.ItemSearchCriteria, r.ItemSearchValue, r.Amount?.ToString(CultureInfo.InvariantCulture),
        r.Quantity?.ToString(CultureInfo.InvariantCulture), r.StartTimeUtc?.ToString("O"), r.EndTimeUtc?.ToString("O"),
        r.AssetSearchCriteria, r.AssetSearchValue, r.ItemName, r.ItemMpn, r.ItemPrecision, r.ItemUnit,
        r.CategoryId ?? "generic_category", r.AssetReconId, r.Tier);
}

/// <summary>A write-only, non-seekable stream, like an HTTP request body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
