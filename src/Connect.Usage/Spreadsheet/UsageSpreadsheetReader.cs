using System.IO.Compression;
using Connect.Sdk.Models;
using DocumentFormat.OpenXml.Packaging;

namespace Connect.Usage;

/// <summary>
/// Reads a usage file back (ours, a Connect template or another SDK's): the <c>usage_records</c> sheet by header name,
/// any of the three column layouts of contract/api-contract.md section 8, rows streamed through an <see cref="System.Xml.XmlReader"/> within <see cref="UsageReadLimits"/>.
/// </summary>
public static class UsageSpreadsheetReader
{
    /// <summary>Reads the records of the <c>usage_records</c> sheet, lazily, in row order.</summary>
    /// <param name="xlsx">The workbook; it must be seekable (copy a network stream to a file or memory first) and stay open while enumerating.</param>
    /// <param name="limits">How much of the workbook to read; <see cref="UsageReadLimits.Default"/> when null.</param>
    /// <returns>The records; unknown columns become <see cref="UsageRecord.Params"/>.</returns>
    /// <exception cref="UsageFormatException">The file is not a workbook, has no <c>usage_records</c> sheet, lacks required columns, a cell cannot be converted, or a limit is crossed (the message names it).</exception>
    public static IEnumerable<UsageRecord> ReadRecords(Stream xlsx, UsageReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        return Iterate(xlsx, limits ?? UsageReadLimits.Default);

        static IEnumerable<UsageRecord> Iterate(Stream xlsx, UsageReadLimits limits)
        {
            var workbook = new LimitedWorkbook(limits);
            using var document = Open(xlsx, limits);
            var part = workbook.FindSheet(document, UsageColumns.RecordsSheet)
                       ?? throw new UsageFormatException($"the workbook has no '{UsageColumns.RecordsSheet}' sheet");
            var strings = workbook.SharedStrings(document);
            UsageRecordMapper? mapper = null;
            foreach (var (row, cells) in workbook.Rows(part, strings, UsageColumns.RecordsSheet))
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
    /// <param name="limits">How much of the workbook to read; <see cref="UsageReadLimits.Default"/> when null.</param>
    /// <exception cref="UsageFormatException">The file is not a workbook, or a limit is crossed (the message names it).</exception>
    public static IReadOnlyList<UsageCategory> ReadCategories(Stream xlsx, UsageReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        limits ??= UsageReadLimits.Default;
        var workbook = new LimitedWorkbook(limits);
        using var document = Open(xlsx, limits);
        if (workbook.FindSheet(document, UsageColumns.CategoriesSheet) is not { } part)
        {
            return [];
        }

        var categories = new List<UsageCategory>();
        int id = -1, name = -1, description = -1;
        var header = true;
        foreach (var (_, cells) in workbook.Rows(part, workbook.SharedStrings(document), UsageColumns.CategoriesSheet))
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

    private static SpreadsheetDocument Open(Stream xlsx, UsageReadLimits limits)
    {
        try
        {
            // The sizes the zip declares are checked before anything is inflated; LimitedWorkbook's counting streams
            // hold the parts it reads to the same budget whatever the zip declares.
            long declared = 0;
            var start = xlsx.Position;
            using (var archive = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true))
            {
                foreach (var entry in archive.Entries)
                {
                    declared += entry.Length;
                }
            }

            if (declared > limits.MaxExpandedBytes)
            {
                throw new UsageFormatException(LimitedWorkbook.ExpandedLimit(limits, declared));
            }

            xlsx.Position = start;
            return SpreadsheetDocument.Open(xlsx, isEditable: false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            throw new UsageFormatException($"the file is not a valid .xlsx workbook: {ex.Message}", ex);
        }
    }
}
