using System.Globalization;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connect.Emulator.Tests.UsageApi;

/// <summary>Builds usage workbooks with the Open XML DOM API and talks to the usage routes.</summary>
internal static class UsageFiles
{
    public const string UsageContract = "CRD-10001-00001-00001";
    public const string ActiveAsset = "AS-0002-0001-0001";

    public static readonly string[] Php17 =
    [
        "record_id", "record_note", "item_search_criteria", "item_search_value", "amount", "quantity", "start_time_utc",
        "end_time_utc", "asset_search_criteria", "asset_search_value", "item_name", "item_mpn", "item_precision",
        "item_unit", "category_id", "asset_recon_id", "tier",
    ];

    /// <summary>A valid 17-column row: quantity of MPN-PPU-CALLS for the active demo asset.</summary>
    public static object?[] Row(string recordId, decimal quantity, string itemCriteria = "item.mpn", string itemValue = "MPN-PPU-CALLS",
        string assetCriteria = "asset.id", string assetValue = ActiveAsset, string start = "2026-01-01 00:00:00", string end = "2026-01-31 23:59:59") =>
        [recordId, "note " + recordId, itemCriteria, itemValue, null, quantity, start, end, assetCriteria, assetValue, null, null, null, null, "generic_category", null, null];

    public static byte[] Workbook(string sheetName, string[] headers, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row([.. headers.Select(h => (OpenXmlElement)Text(h))]) { RowIndex = 1 });
            for (var r = 0; r < rows.Length; r++)
            {
                data.Append(new Row([.. rows[r].Select(Cell)]) { RowIndex = (uint)(r + 2) });
            }

            part.Worksheet = new Worksheet(data);
            workbookPart.Workbook.Sheets!.Append(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(part) });
        }

        return stream.ToArray();
    }

    public static byte[] Records(params object?[][] rows) => Workbook("usage_records", Php17, rows);

    public static async Task<string> CreateAsync(TestEmulator emulator, string name = "January usage")
    {
        var reply = await emulator.Api.PostAsync("usage/files",
            $$"""{"name":"{{name}}","description":"","note":"n","period":{"from":"2026-01-01","to":"2026-01-31"},"currency":"EUR","product":{"id":"{{Demo.UsageProduct}}"},"contract":{"id":"{{UsageContract}}"},"external_id":"ext-1"}""");
        return reply.Json.Str("id");
    }

    public static async Task<Reply> UploadAsync(TestEmulator emulator, string id, byte[] xlsx, string field = "usage_file")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, field, "usage_file.xlsx");
        using var response = await emulator.Api.PostAsync($"usage/files/{id}/upload", content);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), null, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A file created and uploaded with <paramref name="rows"/> (ready when they are valid).</summary>
    public static async Task<string> ReadyAsync(TestEmulator emulator, params object?[][] rows)
    {
        var id = await CreateAsync(emulator);
        var reply = await UploadAsync(emulator, id, Records(rows.Length == 0 ? [Row("r1", 10)] : rows));
        Assert.Equal("ready", reply.Json.Str("status"));
        return id;
    }

    private static OpenXmlElement Cell(object? value) => value switch
    {
        null => new Cell(),
        string s => Text(s),
        decimal d => new Cell(new CellValue(d.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number },
        int i => new Cell(new CellValue(i.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number },
        _ => throw new ArgumentException($"Unsupported cell value {value}.", nameof(value)),
    };

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
