using System.Globalization;
using System.IO.Compression;
using Connect.Emulator.Usage;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connect.Emulator.Tests.Usage;

public sealed class UsageWorkbookParserTests
{
    private const long Limit = 10 * 1024 * 1024;

    private static readonly string[] Php17 =
    [
        "record_id", "record_note", "item_search_criteria", "item_search_value", "amount", "quantity", "start_time_utc",
        "end_time_utc", "asset_search_criteria", "asset_search_value", "item_name", "item_mpn", "item_precision",
        "item_unit", "category_id", "asset_recon_id", "tier",
    ];

    private static readonly string[] Py16 = [.. Php17.Where(h => h != "item_unit")];

    private static readonly string[] Template8 =
    [
        "usage_record_id", "item_search_criteria", "item_search_value", "quantity", "start_time_utc", "end_time_utc",
        "asset_search_criteria", "asset_search_value",
    ];

    [Fact]
    public void Parse_GarbageBytes_IsNotAValidWorkbook()
    {
        var result = Parse([.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 % 251))]);

        Assert.False(result.IsValid);
        Assert.StartsWith("The file is not a valid .xlsx workbook", result.Error);
    }

    [Fact]
    public void Parse_EmptyFile_SaysEmpty()
    {
        var result = Parse([]);

        Assert.Equal("The uploaded file is empty; expected an .xlsx workbook.", result.Error);
    }

    [Fact]
    public void Parse_TruncatedWorkbook_IsNotAValidWorkbook()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"))));

        var result = Parse(bytes[..(bytes.Length / 2)]);

        Assert.StartsWith("The file is not a valid .xlsx workbook", result.Error);
    }

    [Fact]
    public void Parse_PlainZipWithoutWorkbook_IsNotAValidWorkbook()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("hello.txt").Open());
            entry.Write("hello");
        }

        var result = Parse(zip.ToArray());

        Assert.StartsWith("The file is not a valid .xlsx workbook", result.Error);
    }

    [Fact]
    public void Parse_LargerThanTheLimit_IsRejected()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"))));

        var result = UsageWorkbookParser.Parse(new MemoryStream(bytes), bytes.Length - 1);

        Assert.Equal($"The uploaded file is larger than the limit of {bytes.Length - 1} bytes.", result.Error);
    }

    [Fact]
    public async Task ParseAsync_Workbook_ReadsLikeParse()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"), Row17("r2"))));

        var result = await UsageWorkbookParser.ParseAsync(new MemoryStream(bytes), Limit);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(["r1", "r2"], result.Rows.Select(r => r.RecordId));
    }

    [Fact]
    public async Task ParseAsync_LargerThanTheLimit_IsRejected()
    {
        var result = await UsageWorkbookParser.ParseAsync(new MemoryStream(new byte[5000]), 4999);

        Assert.Equal("The uploaded file is larger than the limit of 4999 bytes.", result.Error);
    }

    [Fact]
    public void Parse_UnreadableStream_IsReportedNotThrown()
    {
        var closed = new MemoryStream([1, 2, 3]);
        closed.Dispose();

        var result = UsageWorkbookParser.Parse(closed, Limit);

        Assert.StartsWith("The upload could not be read", result.Error);
    }

    [Fact]
    public void Parse_NoUsageRecordsSheet_NamesTheSheetsFound()
    {
        var result = Parse(Workbook(("Sheet1", Sheet(Php17, Row17("r1"))), ("categories", Sheet(["category_id"]))));

        Assert.Equal("The workbook has no 'usage_records' sheet (its sheets: Sheet1, categories).", result.Error);
    }

    [Fact]
    public void Parse_MissingColumns_ListsThem()
    {
        var result = Parse(Workbook(("usage_records", Sheet(["record_id", "item_search_criteria", "amount"]))));

        Assert.StartsWith(
            "The usage_records sheet is missing required columns: item_search_value, start_time_utc, end_time_utc, asset_search_criteria, asset_search_value",
            result.Error);
    }

    [Fact]
    public void Parse_EmptySheet_SaysNoHeader()
    {
        var result = Parse(Workbook(("usage_records", Sheet([]))));

        Assert.Equal("The usage_records sheet is empty: it has no header row.", result.Error);
    }

    [Fact]
    public void Parse_Real2019Template_IsReadWithTheRecordIdAlias()
    {
        var result = UsageWorkbookParser.Parse(File.OpenRead(Connect.Tests.ContractFiles.Fixture("usage-report-template-2019.xlsx")), Limit);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(Template8, result.Headers.Take(8));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_Php17Layout_ReadsTypedRows()
    {
        var bytes = Workbook(
            ("categories", Sheet(["category_id", "category_name", "category_description"], [Text("generic_category"), Text("Generic Category"), Text("Generic autogenerated category")])),
            ("usage_records", Sheet([.. Php17, "v.region"], [.. Row17("r1", tier: 3), Text("eu")], Row17("r2", amount: "0.123456789012345678"))));

        var result = Parse(bytes);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(2, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal((2, "r1", "item.mpn", "SKU-A", 1.5m, 10m), (first.RowNumber, first.RecordId, first.ItemSearchCriteria, first.ItemSearchValue, first.Quantity, first.Amount));
        Assert.Equal(new DateTime(2026, 3, 1, 7, 21, 39, DateTimeKind.Utc), first.StartTimeUtc);
        Assert.Equal(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), first.EndTimeUtc);
        Assert.Equal(("asset.id", "AS-1", "GB", "generic_category", 3), (first.AssetSearchCriteria, first.AssetSearchValue, first.ItemUnit, first.CategoryId, first.Tier));
        Assert.Equal("eu", first.Params["v.region"]);
        Assert.Equal(0.123456789012345678m, result.Rows[1].Amount);
        Assert.Empty(result.Rows[1].Params);
        var category = Assert.Single(result.Categories);
        Assert.Equal(("generic_category", "Generic Category", "Generic autogenerated category"), (category.Id, category.Name, category.Description));
    }

    [Fact]
    public void Parse_Py16LayoutWithSharedStrings_ReadsRows()
    {
        var result = Parse(Workbook(shared: true, ("usage_records", Sheet(Py16, Row17("r1").Where((_, i) => i != 13).ToArray()))));

        Assert.True(result.IsValid, result.Detail);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("r1", "generic_category", (string?)null), (row.RecordId, row.CategoryId, row.ItemUnit));
    }

    [Fact]
    public void Parse_TemplateLayoutWithExcelDateSerials_ReadsRows()
    {
        var start = new DateTime(2026, 3, 1, 12, 0, 0);
        var result = Parse(Workbook(("usage_records", Sheet(Template8,
            [Text("u-1"), Text("item.mpn"), Text("SKU-A"), Number("7"), Number(start.ToOADate().ToString(CultureInfo.InvariantCulture)),
             Text("2026-03-02"), Text("parameter.tenant"), Text("t-1")]))));

        Assert.True(result.IsValid, result.Detail);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("u-1", 7m, (decimal?)null), (row.RecordId, row.Quantity, row.Amount));
        Assert.Equal(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), row.StartTimeUtc);
        Assert.Equal(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), row.EndTimeUtc);
    }

    [Fact]
    public void Parse_BadCells_ReportRowAndColumnAndDropTheRow()
    {
        var bad = Row17("r2");
        bad[5] = Text("lots");
        bad[6] = Text("yesterday");
        var result = Parse(Workbook(("usage_records", Sheet(Php17, Row17("r1"), bad, Row17("r3")))));

        Assert.False(result.IsValid);
        Assert.Null(result.Error);
        Assert.Equal(["r1", "r3"], result.Rows.Select(r => r.RecordId));
        Assert.Equal(
            ["row 3, quantity: 'lots' is not a number", "row 3, start_time_utc: 'yesterday' is not a date; expected YYYY-MM-DD hh:mm:ss (UTC)"],
            result.CellErrors.Select(e => e.ToString()));
        Assert.Contains("row 3, quantity", result.Detail);
    }

    [Fact]
    public void Parse_CellsWithoutReferences_AreReadByPosition()
    {
        var result = Parse(Workbook(false, false, ("usage_records", Sheet(Php17, Row17("r1")))));

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(("r1", "AS-1"), (result.Rows[0].RecordId, result.Rows[0].AssetSearchValue));
    }

    [Fact]
    public void Parse_BlankRows_AreSkipped()
    {
        var result = Parse(Workbook(("usage_records", Sheet(Php17, Row17("r1"), [Text(" ")], Row17("r2")))));

        Assert.Equal([2, 4], result.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Parse_CellLongerThanTheLimit_StopsNamingTheCellAndTheLimit()
    {
        var bytes = Workbook(true, ("usage_records", Sheet(Php17, Row17("r1"), Row17(new string('x', 101)))));

        var result = UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxCellChars = 100 });

        Assert.Equal("shared string 32: a cell is longer than the limit of 100 characters (cell length).", result.Error);
        Assert.True(UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxCellChars = 101 }).IsValid);
    }

    [Fact]
    public void Parse_InlineCellLongerThanTheLimit_NamesRowAndColumn()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"), Row17("r2", amount: "1") is var row ? [.. row[..1], Text(new string('n', 50)), .. row[2..]] : [])));

        var result = UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxCellChars = 49 });

        Assert.Equal("Row 3, column B of the usage_records sheet: a cell is longer than the limit of 49 characters (cell length).", result.Error);
        Assert.Equal(Php17, result.Headers);
    }

    [Fact]
    public void Parse_MoreColumnsThanTheLimit_StopsNamingTheRowAndTheLimit()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"), [.. Row17("r2"), Text("extra")])));

        var result = UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxColumns = 17 });

        Assert.Equal("Row 3 of the usage_records sheet has more than 17 columns (limit).", result.Error);
        Assert.True(UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxColumns = 18 }).IsValid);
    }

    [Fact]
    public void Parse_MoreRowsThanTheLimit_StopsNamingTheLimit()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"), Row17("r2"), Row17("r3"))));

        Assert.Equal("The usage_records sheet has more than 2 rows (limit).", UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxRows = 2 }).Error);
        Assert.Equal(3, UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxRows = 3 }).Rows.Count);
    }

    [Fact]
    public void Parse_LargerOnceDecompressedThanTheLimit_StopsBeforeReading()
    {
        var bytes = Workbook(("usage_records", Sheet(Php17, Row17("r1"))));

        var result = UsageWorkbookParser.Parse(bytes, new UsageUploadLimits { MaxExpandedBytes = 1000 });

        Assert.StartsWith("The workbook declares ", result.Error);
        Assert.EndsWith("more than the limit of 1000 bytes (decompressed size); it was not read further.", result.Error);
    }

    [Fact]
    public void Parse_FormulaLookingText_IsStoredExactlyAsSent()
    {
        string[] hostile = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(1)", "\t=1+1", "-2+3"];
        var rows = hostile.Select((h, i) => Row17("r" + i) is var row ? (Cell[])[.. row[..1], Text(h), .. row[2..]] : []).ToArray();

        var result = Parse(Workbook(("usage_records", Sheet(Php17, rows))));

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(hostile, result.Rows.Select(r => r.RecordNote));
    }

    [Fact]
    public void Parse_QuantityOfMoreThanFifteenDigits_IsACellErrorNamingTheLimit()
    {
        var result = Parse(Workbook(("usage_records", Sheet(Php17, Row17("r1", amount: "12345678901234567890123456")))));

        Assert.Equal("row 2, amount: '12345678901234567890123456' has more than 15 digits before the decimal point (limit)", Assert.Single(result.CellErrors).ToString());
    }

    private static UsageWorkbookParseResult Parse(byte[] bytes) => UsageWorkbookParser.Parse(new MemoryStream(bytes), Limit);

    private static Cell Text(string value) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };

    private static Cell Number(string value) => new(new CellValue(value));

    private static Cell[] Row17(string id, int? tier = null, string amount = "10") =>
    [
        Text(id), Text("note"), Text("item.mpn"), Text("SKU-A"), Number(amount), Number("1.5"), Text("2026-03-01 07:21:39"),
        Text("2026-03-02 00:00:00"), Text("asset.id"), Text("AS-1"), Text(""), Text(""), Text(""), Text("GB"),
        Text("generic_category"), Text(""), tier is null ? Text("") : Number(tier.Value.ToString(CultureInfo.InvariantCulture)),
    ];

    private static Cell[][] Sheet(string[] headers, params Cell[][] rows) => [[.. headers.Select(Text)], .. rows];

    private static byte[] Workbook(params (string Name, Cell[][] Rows)[] sheets) => Workbook(false, true, sheets);

    private static byte[] Workbook(bool shared, params (string Name, Cell[][] Rows)[] sheets) => Workbook(shared, true, sheets);

    /// <summary>Builds a workbook with the Open XML DOM API (the emulator must not depend on Connect.Usage).</summary>
    private static byte[] Workbook(bool shared, bool references, params (string Name, Cell[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var strings = shared ? workbookPart.AddNewPart<SharedStringTablePart>() : null;
            var table = new List<string>();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var cell = (Cell)rows[r][c].CloneNode(true);
                        if (references)
                        {
                            cell.CellReference = $"{Letters(c)}{r + 1}";
                        }

                        if (strings is not null && cell.DataType?.Value == CellValues.InlineString)
                        {
                            table.Add(cell.InlineString!.InnerText);
                            cell = new Cell(new CellValue((table.Count - 1).ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.SharedString, CellReference = cell.CellReference };
                        }

                        row.Append(cell);
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
            }

            if (strings is not null)
            {
                strings.SharedStringTable = new SharedStringTable(table.Select(t => new SharedStringItem(new Text(t))));
            }
        }

        return stream.ToArray();
    }

    private static string Letters(int index) => index < 26 ? $"{(char)('A' + index)}" : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";
}
