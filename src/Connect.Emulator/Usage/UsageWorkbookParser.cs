using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Connect.Emulator.Usage;

/// <summary>
/// One row of an uploaded <c>usage_records</c> sheet, with cells converted to their types: one property per column
/// of contract/api-contract.md section 8 (null when the cell is empty), <see cref="RowNumber"/> the sheet row (the header is row 1), and
/// <see cref="Params"/> the cells of unknown columns by header name.
/// </summary>
internal sealed record ParsedUsageRow(
    int RowNumber,
    string? RecordId,
    string? RecordNote,
    string? ItemSearchCriteria,
    string? ItemSearchValue,
    decimal? Amount,
    decimal? Quantity,
    DateTime? StartTimeUtc,
    DateTime? EndTimeUtc,
    string? AssetSearchCriteria,
    string? AssetSearchValue,
    string? ItemName,
    string? ItemMpn,
    string? ItemPrecision,
    string? ItemUnit,
    string? CategoryId,
    string? AssetReconId,
    int? Tier,
    IReadOnlyDictionary<string, string> Params);

/// <summary>A row of the optional <c>categories</c> sheet.</summary>
internal sealed record ParsedUsageCategory(string Id, string? Name, string? Description);

/// <summary>A cell that could not be read as its column's type.</summary>
/// <param name="RowNumber">The sheet row.</param>
/// <param name="Column">The header name of the column.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record UsageWorkbookCellError(int RowNumber, string Column, string Message)
{
    public override string ToString() => $"row {RowNumber}, {Column}: {Message}";
}

/// <summary>
/// The outcome of <c>UsageWorkbookParser.Parse</c>: either a file-level <see cref="Error"/> (not an xlsx, no
/// <c>usage_records</c> sheet, missing columns, too large), or the rows with any per-cell errors.
/// </summary>
internal sealed class UsageWorkbookParseResult
{
    private UsageWorkbookParseResult(string? error, IReadOnlyList<ParsedUsageRow> rows, IReadOnlyList<UsageWorkbookCellError> cellErrors,
        IReadOnlyList<ParsedUsageCategory> categories, IReadOnlyList<string> headers)
    {
        Error = error;
        Rows = rows;
        CellErrors = cellErrors;
        Categories = categories;
        Headers = headers;
    }

    /// <summary>Why the file as a whole could not be read; null when it could.</summary>
    public string? Error { get; }

    /// <summary>The rows read (rows with a bad cell are left out and reported in <see cref="CellErrors"/>).</summary>
    public IReadOnlyList<ParsedUsageRow> Rows { get; }

    /// <summary>Cells that could not be converted, by row and column.</summary>
    public IReadOnlyList<UsageWorkbookCellError> CellErrors { get; }

    /// <summary>Rows of the <c>categories</c> sheet, when there is one.</summary>
    public IReadOnlyList<ParsedUsageCategory> Categories { get; }

    /// <summary>The header row of <c>usage_records</c> as written (empty on a file-level error before it).</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>True when the file was read and every cell converted.</summary>
    public bool IsValid => Error is null && CellErrors.Count == 0;

    /// <summary><see cref="Error"/>, or the cell errors joined, for <c>error_detail</c>; null when valid.</summary>
    public string? Detail => Error ?? (CellErrors.Count == 0 ? null : string.Join("; ", CellErrors));

    internal static UsageWorkbookParseResult Failure(string error, IReadOnlyList<string>? headers = null) =>
        new(error, [], [], [], headers ?? []);

    internal static UsageWorkbookParseResult Success(IReadOnlyList<ParsedUsageRow> rows, IReadOnlyList<UsageWorkbookCellError> errors,
        IReadOnlyList<ParsedUsageCategory> categories, IReadOnlyList<string> headers) =>
        new(null, rows, errors, categories, headers);
}

/// <summary>
/// Reads an uploaded usage file (contract/api-contract.md section 8) by header name: the 16-column PYSDK layout, the 17-column PHP/HAXE one
/// and the 8-column 2019 template (whose <c>usage_record_id</c> is an alias of <c>record_id</c>); unknown headers
/// become record parameters. The package is opened with the Open XML SDK, but every part read (workbook, shared
/// strings, sheets) streams through an <see cref="XmlReader"/> over a counting stream: cell text is read in chunks,
/// only the header's columns are kept per row, and <see cref="UsageUploadLimits"/> stop a hostile file early. Never
/// throws: garbage, empty, truncated, oversized or over-limit input becomes a result with an error.
/// </summary>
internal sealed class UsageWorkbookParser
{
    private const int MaxCellErrors = 1000;
    private const int MaxIntegerDigits = 15; // as a double (what Excel and Connect's reports hold) keeps every digit
    private static readonly decimal MaxNumber = 1_000_000_000_000_000m;
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly string[] RequiredColumns =
    [
        "record_id", "item_search_criteria", "item_search_value", "start_time_utc", "end_time_utc",
        "asset_search_criteria", "asset_search_value",
    ];

    private static readonly HashSet<string> KnownColumns = new(StringComparer.Ordinal)
    {
        "record_id", "record_note", "item_search_criteria", "item_search_value", "amount", "quantity", "start_time_utc",
        "end_time_utc", "asset_search_criteria", "asset_search_value", "item_name", "item_mpn", "item_precision",
        "item_unit", "category_id", "asset_recon_id", "tier",
    };

    /// <summary>Columns of free text, stored exactly as sent (others, and the numbers and dates, are read trimmed).</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal) { "record_note", "item_name" };

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly List<string> _sharedStrings = [];
    private readonly UsageUploadLimits _limits;
    private readonly char[] _chunk = new char[4096];
    private long _expanded;

    private UsageWorkbookParser(UsageUploadLimits limits) => _limits = limits;

    /// <summary>Parses an uploaded workbook, reading the upload synchronously (use <see cref="ParseAsync"/> for a request body).</summary>
    /// <param name="xlsx">The upload (read to its end, at most <paramref name="maxBytes"/> + 1 bytes).</param>
    /// <param name="maxBytes">The largest upload accepted.</param>
    /// <param name="limits">How much of the workbook to read; <see cref="UsageUploadLimits.Default"/> when null.</param>
    public static UsageWorkbookParseResult Parse(Stream xlsx, long maxBytes, UsageUploadLimits? limits = null)
    {
        if (xlsx is null)
        {
            return UsageWorkbookParseResult.Failure("No file was uploaded.");
        }

        MemoryStream buffer;
        try
        {
            buffer = ReadLimited(xlsx, maxBytes);
        }
        catch (InvalidDataException ex)
        {
            return UsageWorkbookParseResult.Failure(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or InvalidOperationException)
        {
            return UsageWorkbookParseResult.Failure($"The upload could not be read: {ex.Message}");
        }

        return ParseBuffered(buffer, limits);
    }

    /// <summary>Parses an upload already held in memory (no copy is made).</summary>
    /// <param name="content">The upload's bytes.</param>
    /// <param name="limits">How much of the workbook to read; <see cref="UsageUploadLimits.Default"/> when null.</param>
    public static UsageWorkbookParseResult Parse(byte[] content, UsageUploadLimits? limits = null) =>
        ParseBuffered(new MemoryStream(content, writable: false), limits);

    /// <summary>Parses an uploaded workbook, reading the upload asynchronously (an ASP.NET Core request body forbids synchronous reads).</summary>
    /// <param name="xlsx">The upload (read to its end, at most <paramref name="maxBytes"/> + 1 bytes).</param>
    /// <param name="maxBytes">The largest upload accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<UsageWorkbookParseResult> ParseAsync(Stream xlsx, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (xlsx is null)
        {
            return UsageWorkbookParseResult.Failure("No file was uploaded.");
        }

        var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await xlsx.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    await buffer.DisposeAsync().ConfigureAwait(false);
                    return UsageWorkbookParseResult.Failure(TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or InvalidOperationException)
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            return UsageWorkbookParseResult.Failure($"The upload could not be read: {ex.Message}");
        }

        buffer.Position = 0;
        return ParseBuffered(buffer, null);
    }

    private static string TooLarge(long maxBytes) => $"The uploaded file is larger than the limit of {maxBytes} bytes.";

    private static UsageWorkbookParseResult ParseBuffered(MemoryStream buffer, UsageUploadLimits? limits)
    {
        limits ??= UsageUploadLimits.Default;
        using (buffer)
        {
            if (buffer.Length == 0)
            {
                return UsageWorkbookParseResult.Failure("The uploaded file is empty; expected an .xlsx workbook.");
            }

            try
            {
                // The sizes the zip declares are checked before anything is inflated, so a bomb is refused at once;
                // the counting streams below hold parts to the same budget whatever the zip declares.
                if (DeclaredSize(buffer) is var declared && declared > limits.MaxExpandedBytes)
                {
                    return UsageWorkbookParseResult.Failure(ExpandedLimit(limits, declared));
                }

                buffer.Position = 0;
                using var document = SpreadsheetDocument.Open(buffer, isEditable: false);
                return new UsageWorkbookParser(limits).Read(document);
            }
            catch (UploadLimitException limit)
            {
                return UsageWorkbookParseResult.Failure(limit.Message, limit.Headers);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
            {
                // OpenXmlPackageException, InvalidDataException (zip), FileFormatException, XmlException, ...:
                // whatever the bytes are, the answer is "not a valid workbook", never a crash.
                return UsageWorkbookParseResult.Failure($"The file is not a valid .xlsx workbook: {ex.Message}");
            }
        }
    }

    private static long DeclaredSize(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
        }

        return total;
    }

    private static string ExpandedLimit(UsageUploadLimits limits, long? declared = null) =>
        (declared is { } size
            ? $"The workbook declares {size.ToString(CultureInfo.InvariantCulture)} bytes once decompressed"
            : "The workbook expands to more bytes once decompressed")
        + $", more than the limit of {limits.MaxExpandedBytes.ToString(CultureInfo.InvariantCulture)} bytes (decompressed size); it was not read further.";

    private static MemoryStream ReadLimited(Stream input, long maxBytes)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                buffer.Dispose();
                throw new InvalidDataException(TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private UsageWorkbookParseResult Read(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart;
        var sheets = workbookPart is null ? [] : ReadSheetList(workbookPart);
        if (workbookPart is null || sheets.Count == 0)
        {
            return UsageWorkbookParseResult.Failure("The file is not a valid .xlsx workbook: it has no worksheets.");
        }

        var recordsPart = FindSheet(workbookPart, sheets, "usage_records");
        if (recordsPart is null)
        {
            var names = string.Join(", ", sheets.Select(s => s.Name));
            return UsageWorkbookParseResult.Failure($"The workbook has no 'usage_records' sheet (its sheets: {names}).");
        }

        if (workbookPart.SharedStringTablePart is { } sst)
        {
            ReadSharedStrings(sst);
        }

        var table = ReadTable(recordsPart, "usage_records");
        if (table.Error is not null)
        {
            return UsageWorkbookParseResult.Failure(table.Error, table.Headers);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var name = NormalizeHeader(table.Headers[i]);
            if (name.Length > 0)
            {
                columns.TryAdd(name == "usage_record_id" ? "record_id" : name, i);
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (!columns.ContainsKey("quantity") && !columns.ContainsKey("amount"))
        {
            missing.Add("quantity or amount");
        }

        if (missing.Count > 0)
        {
            return UsageWorkbookParseResult.Failure(
                $"The usage_records sheet is missing required columns: {string.Join(", ", missing)} (headers found: {string.Join(", ", table.Headers.Where(h => h.Length > 0))}).",
                table.Headers);
        }

        var rows = new List<ParsedUsageRow>();
        var errors = new List<UsageWorkbookCellError>();
        foreach (var (rowNumber, cells) in table.Rows)
        {
            var row = ConvertRow(rowNumber, cells, columns, errors);
            if (row is not null)
            {
                rows.Add(row);
            }

            if (errors.Count >= MaxCellErrors)
            {
                break;
            }
        }

        var categories = FindSheet(workbookPart, sheets, "categories") is { } categoriesPart ? ReadCategories(categoriesPart) : [];
        return UsageWorkbookParseResult.Success(rows, errors, categories, table.Headers);
    }

    private readonly record struct SheetEntry(string Name, string? RelationshipId);

    /// <summary>The workbook's <c>sheets</c>, read from the workbook part as a stream (not loaded as a DOM).</summary>
    private List<SheetEntry> ReadSheetList(WorkbookPart workbookPart)
    {
        var sheets = new List<SheetEntry>();
        using var reader = Open(workbookPart);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNamespace)
            {
                if (sheets.Count >= _limits.MaxColumns)
                {
                    throw new UploadLimitException($"The workbook has more than {_limits.MaxColumns} sheets (limit).");
                }

                sheets.Add(new SheetEntry(reader.GetAttribute("name") ?? "?", reader.GetAttribute("id", RelationshipNamespace)));
            }
        }

        return sheets;
    }

    private static WorksheetPart? FindSheet(WorkbookPart workbookPart, List<SheetEntry> sheets, string name)
    {
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet.RelationshipId is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private static string NormalizeHeader(string header) => header.Trim().ToLowerInvariant();

    /// <summary>An XML reader over a part, its bytes counted against <see cref="UsageUploadLimits.MaxExpandedBytes"/>.</summary>
    private XmlReader Open(OpenXmlPart part) =>
        XmlReader.Create(new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), this), XmlSettings);

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        long chars = 0;
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var text = ReadStringItem(reader, "shared string " + _sharedStrings.Count.ToString(CultureInfo.InvariantCulture));
                chars += text.Length;
                if (chars > _limits.MaxSharedStringChars)
                {
                    throw new UploadLimitException(
                        $"The workbook's shared strings hold more than {_limits.MaxSharedStringChars.ToString(CultureInfo.InvariantCulture)} characters (limit).");
                }

                _sharedStrings.Add(text);
            }
        }
    }

    /// <summary>
    /// The text of a shared or inline string (<c>si</c>/<c>is</c>, the reader on its start): plain <c>t</c>, or the
    /// runs' texts, without phonetic hints (<c>rPh</c>). Leaves the reader on the element's end.
    /// </summary>
    private string ReadStringItem(XmlReader reader, string where)
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
                // Phonetic hints are read (within the limits) but are not part of the text.
                AppendText(reader, phonetic < 0 ? text : new StringBuilder(), where);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends the text content of the element the reader is on, in chunks (a 960-million-character string is never
    /// one string), refusing more than <see cref="UsageUploadLimits.MaxCellChars"/> in all. Leaves the reader on the
    /// element's end.
    /// </summary>
    private void AppendText(XmlReader reader, StringBuilder text, string where)
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
                        throw new UploadLimitException(
                            $"{where}: a cell is longer than the limit of {_limits.MaxCellChars.ToString(CultureInfo.InvariantCulture)} characters (cell length).");
                    }

                    text.Append(_chunk, 0, read);
                }
            }
        }
    }

    private sealed record Table(string? Error, IReadOnlyList<string> Headers, List<(int Row, Dictionary<int, CellText> Cells)> Rows);

    /// <summary>A cell's raw text and how to read it: <c>n</c> (number), <c>s</c> (text), <c>b</c>, <c>e</c> or <c>d</c>.</summary>
    private readonly record struct CellText(string Text, char Kind);

    private Table ReadTable(WorksheetPart part, string sheet)
    {
        var rows = new List<(int, Dictionary<int, CellText>)>();
        string[]? headers = null;
        var rowNumber = 0;
        using var reader = Open(part);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
                {
                    continue;
                }

                var r = reader.GetAttribute("r");
                rowNumber = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : rowNumber + 1;
                var cells = ReadRow(reader, rowNumber, sheet, headers?.Length);
                if (headers is null)
                {
                    if (cells.Count > 0)
                    {
                        var width = cells.Keys.Max() + 1;
                        headers = [.. Enumerable.Range(0, width).Select(i => cells.TryGetValue(i, out var h) ? h.Text.Trim() : "")];
                    }
                }
                else if (cells.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text)))
                {
                    if (rows.Count >= _limits.MaxRows)
                    {
                        throw new UploadLimitException(
                            $"The {sheet} sheet has more than {_limits.MaxRows.ToString(CultureInfo.InvariantCulture)} rows (limit).");
                    }

                    rows.Add((rowNumber, cells));
                }
            }
        }
        catch (UploadLimitException limit) when (limit.Headers is null && headers is not null)
        {
            throw new UploadLimitException(limit.Message, headers);
        }

        return headers is null
            ? new Table($"The {sheet} sheet is empty: it has no header row.", [], [])
            : new Table(null, headers, rows);
    }

    /// <summary>
    /// Reads one <c>row</c> (the reader on its start) up to its end, keeping the cells of the first <paramref name="width"/>
    /// columns (all cells of the header row, when null).
    /// </summary>
    private Dictionary<int, CellText> ReadRow(XmlReader reader, int rowNumber, string sheet, int? width)
    {
        var cells = new Dictionary<int, CellText>();
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
                throw new UploadLimitException(
                    $"Row {rowNumber.ToString(CultureInfo.InvariantCulture)} of the {sheet} sheet has more than {_limits.MaxColumns.ToString(CultureInfo.InvariantCulture)} columns (limit).");
            }

            var where = $"Row {rowNumber.ToString(CultureInfo.InvariantCulture)}, column {Letters(column)} of the {sheet} sheet";
            var type = reader.GetAttribute("t");
            if (column >= (width ?? int.MaxValue))
            {
                // Outside the header: not kept, but still read within the limits.
                ReadCell(reader, type, where);
            }
            else if (ReadCell(reader, type, where) is { } text)
            {
                cells[column] = text;
            }
        }

        return cells;
    }

    /// <summary>Reads one <c>c</c> (the reader on its start) up to its end.</summary>
    private CellText? ReadCell(XmlReader reader, string? type, string where)
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

            switch (reader.LocalName)
            {
                case "v":
                    var text = new StringBuilder();
                    AppendText(reader, text, where);
                    value = text.ToString();
                    break;
                case "is":
                    inline = ReadStringItem(reader, where);
                    break;
                default:
                    // A formula (f) or an extension: its text is not the cell's value, but it is read within the limits.
                    AppendText(reader, new StringBuilder(), where);
                    break;
            }
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
                    ? new CellText(_sharedStrings[i], 's')
                    : new CellText(value ?? "", 'x');
            case "inlineStr":
                return inline is null ? null : new CellText(inline, 's');
        }

        if (value is null)
        {
            return null;
        }

        return type switch
        {
            "str" => new CellText(value, 's'),
            "b" => new CellText(value, 'b'),
            "e" => new CellText(value, 'e'),
            "d" => new CellText(value, 'd'),
            _ => new CellText(value, 'n'),
        };
    }

    private static string Letters(int index)
    {
        var letters = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static int? ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }

    /// <summary>A limit of <see cref="UsageUploadLimits"/> was crossed; the message names it.</summary>
    private sealed class UploadLimitException(string message, IReadOnlyList<string>? headers = null) : Exception(message)
    {
        public IReadOnlyList<string>? Headers { get; } = headers;
    }

    /// <summary>Counts the bytes inflated from a part against the parser's budget and stops the read past it.</summary>
    private sealed class CountingStream(Stream inner, UsageWorkbookParser owner) : Stream
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
            if (owner._expanded > owner._limits.MaxExpandedBytes)
            {
                throw new UploadLimitException(ExpandedLimit(owner._limits));
            }

            return read;
        }
    }

    private static ParsedUsageRow? ConvertRow(int rowNumber, Dictionary<int, CellText> cells, Dictionary<string, int> columns,
        List<UsageWorkbookCellError> errors)
    {
        var before = errors.Count;
        CellText? Cell(string name) => columns.TryGetValue(name, out var i) && cells.TryGetValue(i, out var c) ? c : null;

        string? Text(string name)
        {
            if (Cell(name) is not { } cell)
            {
                return null;
            }

            if (cell.Kind is 'e' or 'x')
            {
                errors.Add(new(rowNumber, name, $"the cell holds an error or a broken reference ('{cell.Text}')"));
                return null;
            }

            // Free text is stored exactly as sent (a leading tab or '=' included); keys that look up the catalog
            // (search criteria and values, ids, units) are trimmed. Only a blank cell counts as empty.
            return string.IsNullOrWhiteSpace(cell.Text) ? null : FreeText.Contains(name) ? cell.Text : cell.Text.Trim();
        }

        decimal? Number(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (Cell(name)!.Value.Kind != 'b'
                && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (Math.Abs(decimal.Truncate(value)) >= MaxNumber)
                {
                    errors.Add(new(rowNumber, name, $"'{text}' has more than {MaxIntegerDigits} digits before the decimal point (limit)"));
                    return null;
                }

                return value;
            }

            errors.Add(new(rowNumber, name, $"'{text}' is not a number"));
            return null;
        }

        DateTime? Date(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            var kind = Cell(name)!.Value.Kind;
            if (kind == 'n' && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                && serial is > 0 and < 2958466)
            {
                // A date typed into Excel is stored as an OLE Automation serial number.
                return DateTime.SpecifyKind(DateTime.FromOADate(serial), DateTimeKind.Utc);
            }

            if (kind is 's' or 'd' && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                return DateTime.SpecifyKind(date, DateTimeKind.Utc);
            }

            errors.Add(new(rowNumber, name, $"'{text}' is not a date; expected YYYY-MM-DD hh:mm:ss (UTC)"));
            return null;
        }

        var amount = Number("amount");
        var quantity = Number("quantity");
        var tierNumber = Number("tier");
        int? tier = null;
        if (tierNumber is { } t)
        {
            if (t == decimal.Truncate(t) && t is >= int.MinValue and <= int.MaxValue)
            {
                tier = (int)t;
            }
            else
            {
                errors.Add(new(rowNumber, "tier", $"'{t.ToString(CultureInfo.InvariantCulture)}' is not a whole tier level"));
            }
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, index) in columns)
        {
            if (!KnownColumns.Contains(name) && cells.TryGetValue(index, out var cell) && cell.Kind is not ('e' or 'x')
                && !string.IsNullOrWhiteSpace(cell.Text) && cell.Text is var value)
            {
                parameters[name] = value;
            }
        }

        var row = new ParsedUsageRow(
            rowNumber,
            Text("record_id"),
            Text("record_note"),
            Text("item_search_criteria"),
            Text("item_search_value"),
            amount,
            quantity,
            Date("start_time_utc"),
            Date("end_time_utc"),
            Text("asset_search_criteria"),
            Text("asset_search_value"),
            Text("item_name"),
            Text("item_mpn"),
            Text("item_precision"),
            Text("item_unit"),
            Text("category_id"),
            Text("asset_recon_id"),
            tier,
            parameters);
        return errors.Count > before ? null : row;
    }

    private IReadOnlyList<ParsedUsageCategory> ReadCategories(WorksheetPart part)
    {
        var table = ReadTable(part, "categories");
        if (table.Error is not null)
        {
            return [];
        }

        var headers = table.Headers.Select(NormalizeHeader).ToList();
        int id = headers.IndexOf("category_id"), name = headers.IndexOf("category_name"), description = headers.IndexOf("category_description");
        if (id < 0)
        {
            return [];
        }

        string? Get(Dictionary<int, CellText> cells, int i) =>
            i >= 0 && cells.TryGetValue(i, out var c) && c.Text.Trim() is { Length: > 0 } text ? text : null;

        return [.. table.Rows
            .Where(r => Get(r.Cells, id) is not null)
            .Select(r => new ParsedUsageCategory(Get(r.Cells, id)!, Get(r.Cells, name), Get(r.Cells, description)))];
    }
}
