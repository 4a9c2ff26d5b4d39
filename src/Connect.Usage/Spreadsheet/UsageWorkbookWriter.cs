using System.IO.Packaging;
using Connect.Sdk.Models;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Connect.Usage;

/// <summary>
/// Writes one usage workbook: the package through System.IO.Packaging opened write-only, the worksheets through the
/// Open XML SDK's SAX <see cref="OpenXmlWriter"/>, record by record.
/// </summary>
/// <remarks>
/// Why not <c>SpreadsheetDocument.Create(stream)</c>: it opens the package read-write, and on .NET the zip archive
/// behind it then keeps every part it writes uncompressed in a MemoryStream until the package closes
/// (dotnet/Open-XML-SDK#807, dotnet/runtime#1544), so a million-row sheet costs hundreds of megabytes whatever the
/// backing stream. A write-only package streams each part straight into the deflater, which means each part is
/// written once, in full, one at a time: the workbook and the small parts first, the records sheet last.
/// SpreadsheetDocument cannot sit on a write-only package (it reads parts back), so the parts are created here by
/// content type and relationship type, and their XML comes from the SDK's element classes.
/// </remarks>
internal sealed class UsageWorkbookWriter : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string OfficeDocumentRel = RelNs + "/officeDocument";
    private const string WorksheetRel = RelNs + "/worksheet";
    private const string StylesRel = RelNs + "/styles";
    private const string SharedStringsRel = RelNs + "/sharedStrings";
    private const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private const int MaxSharedStrings = 4096;
    private const int MaxSharedStringLength = 256;
    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";

    private static readonly Uri WorkbookUri = new("/xl/workbook.xml", UriKind.Relative);
    private static readonly Uri RecordsUri = new("/xl/worksheets/sheet1.xml", UriKind.Relative);
    private static readonly Uri CategoriesUri = new("/xl/worksheets/sheet2.xml", UriKind.Relative);
    private static readonly Uri StylesUri = new("/xl/styles.xml", UriKind.Relative);
    private static readonly Uri SharedStringsUri = new("/xl/sharedStrings.xml", UriKind.Relative);

    private readonly ForwardOnlyOutput _output;
    private readonly Package _package;
    private readonly UsageSpreadsheetOptions _options;
    private readonly UsageRecordValidator _validator;
    private readonly List<UsageValidationError> _errors = [];
    private readonly string _idPrefix;

    // Reused element prototypes (see SheetElements) and attribute arrays: OpenXmlWriter only reads them.
    private readonly ReusableAttributes _inlineStringType = new(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
    private readonly ReusableAttributes _sharedStringType = new(new OpenXmlAttribute("t", string.Empty, "s"));
    private readonly ReusableAttributes _rowReference = new(new OpenXmlAttribute("r", string.Empty, string.Empty));
    private readonly ReusableAttributes _reference = new(new OpenXmlAttribute("r", string.Empty, string.Empty));
    private readonly ReusableAttributes _referenceInlineString = new(new OpenXmlAttribute("r", string.Empty, string.Empty), new OpenXmlAttribute("t", string.Empty, "inlineStr"));
    private readonly ReusableAttributes _referenceSharedString = new(new OpenXmlAttribute("r", string.Empty, string.Empty), new OpenXmlAttribute("t", string.Empty, "s"));
    private readonly ReusableAttributes _preserve = new(new OpenXmlAttribute("xml", "space", XmlNs, "preserve"));
    private readonly SheetElements.RowElement _row = new();
    private readonly SheetElements.CellElement _cell = new();
    private readonly SheetElements.InlineStringElement _inline = new();
    private readonly SheetElements.TextElement _text = new();
    private readonly SheetElements.CellValueElement _value = new();

    // A small shared-string table for the columns whose values repeat (criteria, items, categories): a shared cell
    // is one element shorter than an inline one. Bounded, so memory stays flat; values past the cap are written inline.
    private readonly Dictionary<string, string> _sharedIndex = new(StringComparer.Ordinal);
    private readonly List<string> _sharedStrings = [];
    private PackagePart? _workbookPart;

    private Stream? _recordsPartStream;
    private Stream? _recordsStream;
    private OpenXmlWriter? _records;
    private string[] _columnLetters = [];
    private IReadOnlyList<string> _parameterColumns = [];
    private long _lastRow = 1;
    private bool _stopped;
    private bool _completed;
    private long _currentRow = 1;
    private int _nextColumn;

    public UsageWorkbookWriter(Stream output, UsageSpreadsheetOptions? options)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        _options = options ?? new UsageSpreadsheetOptions();
        CheckCategories(_options.EffectiveCategories);
        _idPrefix = string.IsNullOrWhiteSpace(_options.RecordIdPrefix) ? "record" : _options.RecordIdPrefix;
        _validator = new UsageRecordValidator(_options);
        _output = new ForwardOnlyOutput(output);
        _package = Package.Open(_output, FileMode.Create, FileAccess.Write);
    }

    public long RecordCount => _lastRow - 1;

    /// <summary>True once the error cap is reached: the caller stops reading records.</summary>
    public bool Stopped => _stopped;

    public UsageSpreadsheetSummary Summary =>
        new(RecordCount, _parameterColumns, _options.EffectiveCategories.Count);

    /// <summary>
    /// <see cref="Add"/> for the writer's loops: checks for cancellation every 1024 records, adds the record, and says
    /// whether to go on reading (false once the error cap is reached).
    /// </summary>
    public bool TryAdd(UsageRecord record, CancellationToken cancellationToken)
    {
        if ((RecordCount & 0x3FF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        Add(record);
        return !_stopped;
    }

    /// <summary>Validates the record and, while no error has been seen, appends it as the next row.</summary>
    public void Add(UsageRecord record)
    {
        var row = _lastRow + 1;
        if (record is null)
        {
            throw UsageRecordValidator.NullRecord(row);
        }

        var id = record.RecordId ?? $"{_idPrefix}-{Guid.CreateVersion7(_options.TimeProvider.GetUtcNow()):N}";
        var before = _errors.Count;
        _validator.Validate(record, id, row, _errors);
        _lastRow = row;
        if (_records is null)
        {
            // The first record fixes the parameter columns (unless the options did), so the sheet starts here.
            StartRecordsSheet(_validator.ParameterColumns ?? []);
        }

        if (_errors.Count > before)
        {
            // Nothing after the first invalid record is written; the rest is only validated.
            _output.Abandon();
            _stopped = _errors.Count >= _validator.MaxErrors;
            return;
        }

        if (!_output.Abandoned)
        {
            WriteRecord(record, id, row);
        }
    }

    /// <summary>Finishes the package, or throws the collected errors.</summary>
    public UsageSpreadsheetSummary Complete()
    {
        if (_errors.Count > 0)
        {
            Abandon();
            throw new UsageValidationException(_errors.Count > _validator.MaxErrors ? _errors.GetRange(0, _validator.MaxErrors) : _errors, _stopped);
        }

        if (_records is null)
        {
            StartRecordsSheet(_options.ParameterColumns ?? []);
        }

        _records!.WriteEndElement(); // sheetData
        _records.WriteEndElement(); // worksheet
        _records.Close();
        _records = null;
        _recordsStream!.Dispose(); // with the background writer: writes what is left and waits for it
        _recordsStream = null;
        _recordsPartStream!.Dispose();
        _recordsPartStream = null;
        WriteSharedStrings();
        _package.Close();
        _output.Flush();
        _completed = true;
        return Summary;
    }

    /// <summary>Drops what was written: the caller's stream is cut back when it can seek and otherwise left incomplete.</summary>
    public void Abandon() => _output.Abandon();

    public void Dispose()
    {
        if (!_completed)
        {
            _output.Abandon();
        }

        // Each one on its own: the background writer's thread must be joined even when the XML writer's last flush fails.
        DisposeQuietly(_records);
        DisposeQuietly(_recordsStream);
        DisposeQuietly(_recordsPartStream);
        DisposeQuietly(_package);
    }

    private void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception ex) when (_output.Abandoned && ex is IOException or InvalidOperationException or NotSupportedException)
        {
            // The package is being thrown away; a failure while closing it must not hide the original error.
        }
    }

    private static void CheckCategories(IReadOnlyList<UsageCategory> categories)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (category is null || string.IsNullOrWhiteSpace(category.Id) || string.IsNullOrWhiteSpace(category.Name))
            {
                throw new ArgumentException("Every usage category needs an id and a name.", nameof(categories));
            }

            if (!ids.Add(category.Id))
            {
                throw new ArgumentException($"The usage category id '{category.Id}' appears twice.", nameof(categories));
            }
        }
    }

    private void StartRecordsSheet(IReadOnlyList<string> parameterColumns)
    {
        _parameterColumns = parameterColumns;
        var headers = UsageColumns.Records.Concat(parameterColumns).ToArray();
        _columnLetters = [.. Enumerable.Range(0, headers.Length).Select(ColumnLetters)];

        var workbook = _workbookPart = _package.CreatePart(WorkbookUri, WorkbookType, CompressionOption.Normal);
        _package.CreateRelationship(WorkbookUri, TargetMode.Internal, OfficeDocumentRel, "rId1");
        workbook.CreateRelationship(RecordsUri, TargetMode.Internal, WorksheetRel, "rId1");
        workbook.CreateRelationship(CategoriesUri, TargetMode.Internal, WorksheetRel, "rId2");
        workbook.CreateRelationship(StylesUri, TargetMode.Internal, StylesRel, "rId3");
        using (var stream = workbook.GetStream(FileMode.Create, FileAccess.Write))
        {
            new Workbook(
                new Sheets(
                    new Sheet { Name = UsageColumns.RecordsSheet, SheetId = 1U, Id = "rId1" },
                    new Sheet { Name = UsageColumns.CategoriesSheet, SheetId = 2U, Id = "rId2" })).Save(stream);
        }

        var styles = _package.CreatePart(StylesUri, StylesType, CompressionOption.Normal);
        using (var stream = styles.GetStream(FileMode.Create, FileAccess.Write))
        {
            new Stylesheet(
                new Fonts(new Font()) { Count = 1U },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
                new Borders(new Border()) { Count = 1U },
                new CellStyleFormats(new CellFormat()) { Count = 1U },
                // Format 1 (quotePrefix) marks text that looks like a formula: see UsageCells.LooksLikeFormula.
                new CellFormats(new CellFormat { FormatId = 0U }, new CellFormat { FormatId = 0U, QuotePrefix = true, ApplyAlignment = false }) { Count = 2U },
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U }).Save(stream);
        }

        var categories = _package.CreatePart(CategoriesUri, WorksheetType, CompressionOption.Normal);
        using (var stream = categories.GetStream(FileMode.Create, FileAccess.Write))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            StartSheet(writer, UsageColumns.Categories);
            long row = 1;
            foreach (var category in _options.EffectiveCategories)
            {
                row++;
                StartRow(writer, row);
                WriteText(writer, 0, category.Id);
                WriteText(writer, 1, category.Name);
                WriteText(writer, 2, category.Description);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var records = _package.CreatePart(RecordsUri, WorksheetType, CompressionOption.Fast);
        _recordsPartStream = records.GetStream(FileMode.Create, FileAccess.Write);

        // Deflating and storing the sheet (a fifth of the work) runs on a second core when there is one, while this
        // thread validates and serializes the next rows.
        _recordsStream = _options.BackgroundWrite && Environment.ProcessorCount > 1 ? new BackgroundWriteStream(_recordsPartStream) : _recordsPartStream;
        _records = OpenXmlWriter.Create(_recordsStream);
        StartSheet(_records, headers);
    }

    private void StartSheet(OpenXmlWriter writer, IReadOnlyList<string> headers)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement(new SheetElements.WorksheetElement(), null!, null!);
        writer.WriteStartElement(new SheetElements.SheetDataElement(), null!, null!);
        StartRow(writer, 1);
        for (var i = 0; i < headers.Count; i++)
        {
            WriteText(writer, i, headers[i]);
        }

        writer.WriteEndElement();
    }

    private void WriteRecord(UsageRecord record, string id, long row)
    {
        var w = _records!;
        StartRow(w, row);
        WriteText(w, 0, id);
        WriteText(w, 1, record.RecordNote);
        WriteShared(w, 2, record.ItemSearchCriteria);
        WriteShared(w, 3, record.ItemSearchValue);
        WriteNumber(w, 4, record.Amount is { } amount ? UsageCells.FormatNumber(amount) : null);
        WriteNumber(w, 5, record.Quantity is { } quantity ? UsageCells.FormatNumber(quantity) : null);
        WriteText(w, 6, record.StartTimeUtc is { } start ? UsageCells.FormatDate(start) : null);
        WriteText(w, 7, record.EndTimeUtc is { } end ? UsageCells.FormatDate(end) : null);
        WriteShared(w, 8, record.AssetSearchCriteria);
        WriteText(w, 9, record.AssetSearchValue);
        WriteShared(w, 10, record.ItemName);
        WriteShared(w, 11, record.ItemMpn);
        WriteShared(w, 12, record.ItemPrecision);
        WriteShared(w, 13, record.ItemUnit);
        WriteShared(w, 14, record.CategoryId ?? _options.EffectiveCategories[0].Id);
        WriteText(w, 15, record.AssetReconId);
        WriteNumber(w, 16, record.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (record.Params is { Count: > 0 } parameters)
        {
            for (var i = 0; i < _parameterColumns.Count; i++)
            {
                if (parameters.TryGetValue(_parameterColumns[i], out var value))
                {
                    WriteText(w, UsageColumns.Records.Count + i, value);
                }
            }
        }

        w.WriteEndElement();
    }

    // Unless UsageSpreadsheetOptions.CellReferences asks for them, rows and cells carry no reference (r is optional in
    // ECMA-376; readers count rows and cells): rows are written one after the other, and a cell gets its reference
    // only when it follows an empty (absent) cell.
    private void StartRow(OpenXmlWriter writer, long row)
    {
        _currentRow = row;
        _nextColumn = _options.CellReferences ? -1 : 0; // -1: no cell is where a reference can be left out
        if (_options.CellReferences)
        {
            _rowReference[0] = new OpenXmlAttribute("r", string.Empty, row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartElement(_row, _rowReference, null!);
        }
        else
        {
            writer.WriteStartElement(_row, null!, null!);
        }
    }

    private void StartCell(OpenXmlWriter writer, int column, ReusableAttributes? type)
    {
        if (column == _nextColumn)
        {
            writer.WriteStartElement(_cell, type!, null!);
        }
        else
        {
            var attributes = type is null ? _reference : type == _inlineStringType ? _referenceInlineString : _referenceSharedString;
            attributes[0] = new OpenXmlAttribute("r", string.Empty, CellReference(column));
            writer.WriteStartElement(_cell, attributes, null!);
        }

        _nextColumn = _options.CellReferences ? -1 : column + 1;
    }

    /// <summary>
    /// A text cell styled with <c>quotePrefix</c> (format 1): the text is kept exactly, and a spreadsheet shows and
    /// edits it as text, never as the formula it looks like (OWASP, "CSV injection").
    /// </summary>
    private void StartQuotedCell(OpenXmlWriter writer, int column, string type)
    {
        writer.WriteStartElement(_cell, [
            new OpenXmlAttribute("r", string.Empty, CellReference(column)),
            new OpenXmlAttribute("s", string.Empty, "1"),
            new OpenXmlAttribute("t", string.Empty, type),
        ], null!);
        _nextColumn = _options.CellReferences ? -1 : column + 1;
    }

    private void WriteText(OpenXmlWriter writer, int column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return; // empty cells are simply absent
        }

        if (UsageCells.LooksLikeFormula(value))
        {
            StartQuotedCell(writer, column, "inlineStr");
        }
        else
        {
            StartCell(writer, column, _inlineStringType);
        }

        writer.WriteStartElement(_inline, null!, null!);
        writer.WriteStartElement(_text, char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? _preserve : null!, null!);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void WriteShared(OpenXmlWriter writer, int column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!_sharedIndex.TryGetValue(value, out var index))
        {
            if (_sharedStrings.Count >= MaxSharedStrings || value.Length > MaxSharedStringLength)
            {
                WriteText(writer, column, value);
                return;
            }

            index = _sharedStrings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _sharedIndex.Add(value, index);
            _sharedStrings.Add(value);
        }

        if (UsageCells.LooksLikeFormula(value))
        {
            StartQuotedCell(writer, column, "s");
        }
        else
        {
            StartCell(writer, column, _sharedStringType);
        }

        writer.WriteStartElement(_value, null!, null!);
        writer.WriteString(index);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void WriteSharedStrings()
    {
        if (_sharedStrings.Count == 0)
        {
            return;
        }

        _workbookPart!.CreateRelationship(SharedStringsUri, TargetMode.Internal, SharedStringsRel, "rId4");
        var part = _package.CreatePart(SharedStringsUri, SharedStringsType, CompressionOption.Normal);
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        var count = _sharedStrings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartDocument();
        writer.WriteStartElement(new SheetElements.SharedStringTableElement(), [new OpenXmlAttribute("uniqueCount", string.Empty, count)], null!);
        var item = new SheetElements.SharedStringItemElement();
        foreach (var value in _sharedStrings)
        {
            writer.WriteStartElement(item, null!, null!);
            writer.WriteStartElement(_text, char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? _preserve : null!, null!);
            writer.WriteString(value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private void WriteNumber(OpenXmlWriter writer, int column, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartCell(writer, column, null);
        writer.WriteStartElement(_value, null!, null!);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private string CellReference(int column)
    {
        Span<char> digits = stackalloc char[20];
        _currentRow.TryFormat(digits, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
        return string.Concat(column < _columnLetters.Length ? _columnLetters[column] : ColumnLetters(column), digits[..length]);
    }

    internal static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
