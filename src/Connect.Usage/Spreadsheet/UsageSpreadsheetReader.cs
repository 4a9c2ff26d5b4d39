using System.Globalization;
using System.Text;
using Connect.Sdk.Models;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connect.Usage;

/// <summary>
/// Reads a usage file back (ours, a Connect template or another SDK's): the <c>usage_records</c> sheet by header name,
/// any of the three column layouts of contract/api-contract.md section 8, rows streamed through the SDK's SAX <see cref="OpenXmlReader"/>.
/// </summary>
public static class UsageSpreadsheetReader
{
    /// <summary>Reads the records of the <c>usage_records</c> sheet, lazily, in row order.</summary>
    /// <param name="xlsx">The workbook; it must be seekable (copy a network stream to a file or memory first) and stay open while enumerating.</param>
    /// <returns>The records; unknown columns become <see cref="UsageRecord.Params"/>.</returns>
    /// <exception cref="UsageFormatException">The file is not a workbook, has no <c>usage_records</c> sheet, lacks required columns, or a cell cannot be converted.</exception>
    public static IEnumerable<UsageRecord> ReadRecords(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        return Iterate(xlsx);

        static IEnumerable<UsageRecord> Iterate(Stream xlsx)
        {
            using var document = Open(xlsx);
            var part = FindSheet(document, UsageColumns.RecordsSheet)
                       ?? throw new UsageFormatException($"the workbook has no '{UsageColumns.RecordsSheet}' sheet");
            var strings = SharedStrings(document);
            UsageRecordMapper? mapper = null;
            foreach (var (row, cells) in Rows(part, strings))
            {
                if (mapper is null)
                {
                    mapper = UsageRecordMapper.Create([.. Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i))], row);
                    continue;
                }

                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                yield return mapper.Map(cells.GetValueOrDefault, row);
            }

            if (mapper is null)
            {
                throw new UsageFormatException($"the '{UsageColumns.RecordsSheet}' sheet has no header row");
            }
        }
    }

    /// <summary>Reads the <c>categories</c> sheet; empty when there is none.</summary>
    /// <param name="xlsx">The workbook (seekable).</param>
    /// <exception cref="UsageFormatException">The file is not a workbook.</exception>
    public static IReadOnlyList<UsageCategory> ReadCategories(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        using var document = Open(xlsx);
        if (FindSheet(document, UsageColumns.CategoriesSheet) is not { } part)
        {
            return [];
        }

        var categories = new List<UsageCategory>();
        int id = -1, name = -1, description = -1;
        var header = true;
        foreach (var (_, cells) in Rows(part, SharedStrings(document)))
        {
            if (header)
            {
                foreach (var (index, text) in cells)
                {
                    switch (text.Trim().ToLowerInvariant())
                    {
                        case UsageColumns.CategoryId: id = index; break;
                        case UsageColumns.CategoryName: name = index; break;
                        case UsageColumns.CategoryDescription: description = index; break;
                    }
                }

                header = false;
            }
            else if (cells.GetValueOrDefault(id) is { Length: > 0 } categoryId)
            {
                categories.Add(new UsageCategory(categoryId, cells.GetValueOrDefault(name) ?? "", cells.GetValueOrDefault(description)));
            }
        }

        return categories;
    }

    private static SpreadsheetDocument Open(Stream xlsx)
    {
        try
        {
            return SpreadsheetDocument.Open(xlsx, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            throw new UsageFormatException($"the file is not a valid .xlsx workbook: {ex.Message}", ex);
        }
    }

    private static WorksheetPart? FindSheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart;
        var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>()
            .FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbook!.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private static List<string> SharedStrings(SpreadsheetDocument document)
    {
        var strings = new List<string>();
        if (document.WorkbookPart?.SharedStringTablePart is { } part)
        {
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
                }
            }
        }

        return strings;
    }

    private static string ItemText(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
        {
            return plain.Text;
        }

        var text = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            text.Append(run.Text?.Text);
        }

        return text.ToString();
    }

    /// <summary>Each row's cells as text by 0-based column; numbers keep their stored invariant text.</summary>
    private static IEnumerable<(long Row, Dictionary<int, string> Cells)> Rows(WorksheetPart part, List<string> strings)
    {
        using var reader = OpenXmlReader.Create(part);
        long row = 0;
        var column = -1;
        Dictionary<int, string>? cells = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    row = long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : row + 1;
                    column = -1;
                    cells = [];
                }
                else if (cells is not null)
                {
                    yield return (row, cells);
                    cells = null;
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                column = cell.CellReference?.Value is { } reference && ColumnIndex(reference) is { } index ? index : column + 1;
                var type = cell.DataType?.Value;
                var raw = cell.CellValue?.Text;
                string? text;
                if (type == CellValues.SharedString)
                {
                    text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                        ? strings[i]
                        : throw new UsageFormatException($"the cell refers to a missing shared string '{raw}'", row);
                }
                else if (type == CellValues.InlineString)
                {
                    text = cell.InlineString is { } inline ? ItemText(inline) : null;
                }
                else
                {
                    text = raw;
                }

                if (text is not null)
                {
                    cells[column] = text;
                }
            }
        }
    }

    private static int? ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is 0 or > 3 ? null : index - 1;
    }
}
