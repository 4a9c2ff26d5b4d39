using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Connect.Usage;

/// <summary>
/// Reads a workbook's parts (sheet list, shared strings, sheet rows) as streams within <see cref="UsageReadLimits"/>:
/// every part through an <see cref="XmlReader"/> over a counting stream, cell text in chunks (a huge string is never
/// one string), only the header's columns kept per row. A crossed limit is a <see cref="UsageFormatException"/> naming it.
/// </summary>
internal sealed class LimitedWorkbook(UsageReadLimits limits)
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly UsageReadLimits _limits = limits;
    private readonly char[] _chunk = new char[4096];
    private long _expanded;

    public static string ExpandedLimit(UsageReadLimits limits, long? declared = null) =>
        (declared is { } size
            ? $"the workbook declares {size.ToString(CultureInfo.InvariantCulture)} bytes once decompressed"
            : "the workbook expands to more bytes once decompressed")
        + $", more than the limit of {limits.MaxExpandedBytes.ToString(CultureInfo.InvariantCulture)} bytes (decompressed size)";

    /// <summary>The worksheet named <paramref name="name"/> (case-insensitive), from the workbook part read as a stream.</summary>
    public WorksheetPart? FindSheet(SpreadsheetDocument document, string name)
    {
        if (document.WorkbookPart is not { } workbook)
        {
            return null;
        }

        using var reader = Open(workbook);
        var sheets = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNamespace)
            {
                if (++sheets > _limits.MaxColumns)
                {
                    throw new UsageFormatException($"the workbook has more than {_limits.MaxColumns.ToString(CultureInfo.InvariantCulture)} sheets (limit)");
                }

                if (string.Equals(reader.GetAttribute("name")?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return reader.GetAttribute("id", RelationshipNamespace) is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
                }
            }
        }

        return null;
    }

    public List<string> SharedStrings(SpreadsheetDocument document)
    {
        var strings = new List<string>();
        if (document.WorkbookPart?.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        long chars = 0;
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var text = ReadStringItem(reader, 0, "shared string " + strings.Count.ToString(CultureInfo.InvariantCulture));
                chars += text.Length;
                if (chars > _limits.MaxSharedStringChars)
                {
                    throw new UsageFormatException(
                        $"the workbook's shared strings hold more than {_limits.MaxSharedStringChars.ToString(CultureInfo.InvariantCulture)} characters (limit)");
                }

                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>
    /// Each row's cells as text by 0-based column (numbers keep their stored invariant text); after the first row with
    /// cells (the header), only the header's columns are kept.
    /// </summary>
    public IEnumerable<(long Row, Dictionary<int, string> Cells)> Rows(WorksheetPart part, List<string> strings, string sheet)
    {
        using var reader = Open(part);
        long row = 0;
        var rows = 0;
        int? width = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            row = long.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : row + 1;
            if (++rows > _limits.MaxRows)
            {
                throw new UsageFormatException($"the {sheet} sheet has more than {_limits.MaxRows.ToString(CultureInfo.InvariantCulture)} rows (limit)", row);
            }

            var cells = ReadRow(reader, row, sheet, strings, width);
            if (width is null && cells.Count > 0)
            {
                width = cells.Keys.Max() + 1;
            }

            yield return (row, cells);
        }
    }

    private XmlReader Open(OpenXmlPart part) =>
        XmlReader.Create(new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), this), XmlSettings);

    private Dictionary<int, string> ReadRow(XmlReader reader, long row, string sheet, List<string> strings, int? width)
    {
        var cells = new Dictionary<int, string>();
        if (reader.IsEmptyElement)
        {
            return cells;
        }

        var depth = reader.Depth;
        var column = -1;
        var count = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            column = reader.GetAttribute("r") is { } reference && ColumnIndex(reference) is { } index ? index : column + 1;
            if (++count > _limits.MaxColumns || column >= _limits.MaxColumns)
            {
                throw new UsageFormatException($"row {row.ToString(CultureInfo.InvariantCulture)} of the {sheet} sheet has more than {_limits.MaxColumns.ToString(CultureInfo.InvariantCulture)} columns (limit)", row);
            }

            var where = $"row {row.ToString(CultureInfo.InvariantCulture)}, column {UsageWorkbookWriter.ColumnLetters(column)} of the {sheet} sheet";
            var text = ReadCell(reader, reader.GetAttribute("t"), row, strings, where);
            if (text is not null && column < (width ?? int.MaxValue))
            {
                cells[column] = text;
            }
        }

        return cells;
    }

    private string? ReadCell(XmlReader reader, string? type, long row, List<string> strings, string where)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        string? value = null;
        string? inline = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "v")
            {
                var text = new StringBuilder();
                AppendText(reader, text, row, where);
                value = text.ToString();
            }
            else if (reader.LocalName == "is")
            {
                inline = ReadStringItem(reader, row, where);
            }
            else
            {
                // A formula (f) or an extension: not the cell's value, but read within the limits.
                AppendText(reader, new StringBuilder(), row, where);
            }
        }

        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? strings[i]
                : throw new UsageFormatException($"the cell refers to a missing shared string '{value}'", row),
            "inlineStr" => inline,
            _ => value,
        };
    }

    /// <summary>The text of a shared or inline string (plain <c>t</c> or runs), without phonetic hints (<c>rPh</c>).</summary>
    private string ReadStringItem(XmlReader reader, long row, string where)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var phonetic = -1;
        var text = new StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == phonetic)
            {
                phonetic = -1;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh" && !reader.IsEmptyElement && phonetic < 0)
            {
                phonetic = reader.Depth;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                AppendText(reader, phonetic < 0 ? text : new StringBuilder(), row, where);
            }
        }

        return text.ToString();
    }

    /// <summary>Appends the element's text in chunks, refusing more than <see cref="UsageReadLimits.MaxCellChars"/>.</summary>
    private void AppendText(XmlReader reader, StringBuilder text, long row, string where)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    if (text.Length + read > _limits.MaxCellChars)
                    {
                        throw new UsageFormatException($"{where}: a cell is longer than the limit of {_limits.MaxCellChars.ToString(CultureInfo.InvariantCulture)} characters (cell length)", row);
                    }

                    text.Append(_chunk, 0, read);
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

    /// <summary>Counts the bytes inflated from a part against the workbook's budget and stops the read past it.</summary>
    private sealed class CountingStream(Stream inner, LimitedWorkbook owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            owner._expanded += read;
            return owner._expanded > owner._limits.MaxExpandedBytes
                ? throw new UsageFormatException(ExpandedLimit(owner._limits))
                : read;
        }
    }
}
