using System.Globalization;
using Connect.Sdk;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

internal static class TestData
{
    public static readonly DateTime Start = new(2026, 3, 1, 7, 21, 39, DateTimeKind.Utc);

    public static UsageRecord Valid(int i = 0) => new()
    {
        RecordId = $"rec-{i}",
        RecordNote = $"note {i}",
        ItemSearchCriteria = "item.mpn",
        ItemSearchValue = "SKU-A",
        Quantity = 1.5m + i,
        Amount = 0.123456789012345678m,
        StartTimeUtc = Start.AddHours(i),
        EndTimeUtc = Start.AddHours(i + 1),
        AssetSearchCriteria = "asset.id",
        AssetSearchValue = "AS-0001-0002-0003",
    };

    public static IEnumerable<UsageRecord> Many(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Valid(i);
        }
    }
}

/// <summary>An independent reader: the Open XML SDK's DOM API, no code from Connect.Usage.</summary>
internal sealed record DomCell(string Reference, string? Type, string Text);

internal static class DomReader
{
    public static List<string> SheetNames(Stream xlsx)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        return [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    public static List<List<DomCell>> Rows(Stream xlsx, string sheetName)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var rows = new List<List<DomCell>>();
        var rowNumber = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            // ECMA-376 makes the references optional: a row without r follows the previous one, a cell without r
            // follows the previous cell (as Excel, openpyxl and the emulator read them).
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var column = 0;
            var cells = new List<DomCell>();
            foreach (var c in row.Elements<Cell>())
            {
                column = c.CellReference?.Value is { } reference ? ColumnNumber(reference) : column + 1;
                var expected = ColumnName(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                if (c.CellReference?.Value is { } written && written != expected)
                {
                    throw new InvalidDataException($"Cell {written} is in row {rowNumber}.");
                }

                cells.Add(new DomCell(
                    expected,
                    c.DataType?.InnerText,
                    c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
                    : c.DataType?.Value == CellValues.SharedString ? shared![int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : c.CellValue!.Text));
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>The 1-based column of a reference such as <c>AB12</c>.</summary>
    private static int ColumnNumber(string reference)
    {
        var number = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            number = (number * 26) + (ch - 'A' + 1);
        }

        return number;
    }

    private static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
