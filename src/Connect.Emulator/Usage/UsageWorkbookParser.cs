using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
/// The outcome of <see cref="UsageWorkbookParser.Parse"/>: either a file-level <see cref="Error"/> (not an xlsx, no
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
/// become record parameters. Rows stream through the SDK's SAX <see cref="OpenXmlReader"/>; only one cell at a time is
/// loaded as an element. Never throws: garbage, empty, truncated or oversized input becomes a result with an error.
/// </summary>
internal sealed class UsageWorkbookParser
{
    private const int MaxCellErrors = 1000;
    private const int MaxRows = 1_048_576; // Excel's own sheet limit
    private const long MaxSharedStringChars = 64L * 1024 * 1024;

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

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private readonly List<string> _sharedStrings = [];

    private UsageWorkbookParser()
    {
    }

    /// <summary>Parses an uploaded workbook, reading the upload synchronously (use <see cref="ParseAsync"/> for a request body).</summary>
    /// <param name="xlsx">The upload (read to its end, at most <paramref name="maxBytes"/> + 1 bytes).</param>
    /// <param name="maxBytes">The largest upload accepted.</param>
    public static UsageWorkbookParseResult Parse(Stream xlsx, long maxBytes)
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

        return ParseBuffered(buffer, maxBytes);
    }

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
        return ParseBuffered(buffer, maxBytes);
    }

    private static string TooLarge(long maxBytes) => $"The uploaded file is larger than the limit of {maxBytes} bytes.";

    private static UsageWorkbookParseResult ParseBuffered(MemoryStream buffer, long maxBytes)
    {
        using (buffer)
        {
            if (buffer.Length == 0)
            {
                return UsageWorkbookParseResult.Failure("The uploaded file is empty; expected an .xlsx workbook.");
            }

            try
            {
                // Bound the XML a part may expand to, so a small zip bomb cannot make the server read gigabytes.
                var settings = new OpenSettings { MaxCharactersInPart = Math.Clamp(maxBytes * 200, 16L << 20, 2L << 30) };
                using var document = SpreadsheetDocument.Open(buffer, isEditable: false, settings);
                return new UsageWorkbookParser().Read(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
            {
                // OpenXmlPackageException, InvalidDataException (zip), FileFormatException, XmlException, ...:
                // whatever the bytes are, the answer is "not a valid workbook", never a crash.
                return UsageWorkbookParseResult.Failure($"The file is not a valid .xlsx workbook: {ex.Message}");
            }
        }
    }

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
        var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (workbookPart is null || sheets.Count == 0)
        {
            return UsageWorkbookParseResult.Failure("The file is not a valid .xlsx workbook: it has no worksheets.");
        }

        var recordsPart = FindSheet(workbookPart, sheets, "usage_records");
        if (recordsPart is null)
        {
            var names = string.Join(", ", sheets.Select(s => s.Name?.Value ?? "?"));
            return UsageWorkbookParseResult.Failure($"The workbook has no 'usage_records' sheet (its sheets: {names}).");
        }

        if (workbookPart.SharedStringTablePart is { } sst)
        {
            var error = ReadSharedStrings(sst);
            if (error is not null)
            {
                return UsageWorkbookParseResult.Failure(error);
            }
        }

        var table = ReadTable(recordsPart);
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

    private static WorksheetPart? FindSheet(WorkbookPart workbookPart, List<Sheet> sheets, string name)
    {
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private static string NormalizeHeader(string header) => header.Trim().ToLowerInvariant();

    private string? ReadSharedStrings(SharedStringTablePart part)
    {
        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                var text = ItemText(item);
                chars += text.Length;
                if (chars > MaxSharedStringChars)
                {
                    return "The workbook's shared strings are too large.";
                }

                _sharedStrings.Add(text);
            }
        }

        return null;
    }

    /// <summary>The text of a shared or inline string: plain <c>t</c>, or the runs' texts, without phonetic hints.</summary>
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

    private sealed record Table(string? Error, IReadOnlyList<string> Headers, List<(int Row, Dictionary<int, CellText> Cells)> Rows);

    /// <summary>A cell's raw text and how to read it: <c>n</c> (number), <c>s</c> (text), <c>b</c>, <c>e</c> or <c>d</c>.</summary>
    private readonly record struct CellText(string Text, char Kind);

    private Table ReadTable(WorksheetPart part)
    {
        var rows = new List<(int, Dictionary<int, CellText>)>();
        string[]? headers = null;
        var rowNumber = 0;
        var column = -1;
        Dictionary<int, CellText>? current = null;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    rowNumber = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : rowNumber + 1;
                    column = -1;
                    current = [];
                }
                else if (current is not null)
                {
                    if (headers is null)
                    {
                        if (current.Count > 0)
                        {
                            var width = current.Keys.Max() + 1;
                            headers = [.. Enumerable.Range(0, width).Select(i => current.TryGetValue(i, out var h) ? h.Text.Trim() : "")];
                        }
                    }
                    else if (current.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text)))
                    {
                        if (rows.Count >= MaxRows)
                        {
                            return new Table($"The usage_records sheet has more than {MaxRows} rows.", headers, []);
                        }

                        rows.Add((rowNumber, current));
                    }

                    current = null;
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && current is not null)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                column = cell.CellReference?.Value is { } reference && ColumnIndex(reference) is { } index ? index : column + 1;
                if (ReadCell(cell) is { } text)
                {
                    current[column] = text;
                }
            }
        }

        return headers is null
            ? new Table("The usage_records sheet is empty: it has no header row.", [], [])
            : new Table(null, headers, rows);
    }

    private CellText? ReadCell(Cell cell)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
                ? new CellText(_sharedStrings[i], 's')
                : new CellText(raw ?? "", 'x');
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? new CellText(ItemText(inline), 's') : null;
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.String)
        {
            return new CellText(raw, 's');
        }

        if (type == CellValues.Boolean)
        {
            return new CellText(raw, 'b');
        }

        if (type == CellValues.Error)
        {
            return new CellText(raw, 'e');
        }

        return type == CellValues.Date ? new CellText(raw, 'd') : new CellText(raw, 'n');
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

            var text = cell.Text.Trim();
            return text.Length == 0 ? null : text;
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
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
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
                && cell.Text.Trim() is { Length: > 0 } value)
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
        var table = ReadTable(part);
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
