using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Connect.Sdk.Models;

namespace Connect.Usage;

/// <summary>
/// Checks usage records one at a time, in a single pass, against the rules of contract/api-contract.md section 8 and the product's schema.
/// The validator is stateful: it remembers the record ids it has seen (as 128-bit hashes, so memory stays small) to
/// report duplicates. Use one instance per usage file; instances are not thread-safe.
/// </summary>
public sealed class UsageRecordValidator
{
    private static readonly SearchValues<string> ItemCriteria = SearchValues.Create([.. UsageColumns.ItemCriteria], StringComparison.Ordinal);
    private static readonly SearchValues<string> Precisions = SearchValues.Create([.. UsageColumns.ItemPrecisions], StringComparison.Ordinal);

    // XML 1.0 forbids C0 controls other than tab, CR and LF, and U+FFFE/U+FFFF (surrogate pairs are fine).
    private static readonly SearchValues<char> ForbiddenInXml = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\r' or '\n')).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    private readonly UsageSpreadsheetOptions _options;
    private readonly HashSet<string> _categoryIds;
    private readonly Dictionary<IdHash, int> _seenIds = [];
    private HashSet<string>? _parameterColumnSet;

    // The record being validated: fields rather than a closure, so a valid record costs no allocation here.
    private List<UsageValidationError> _sink = [];
    private int _sinkStart;
    private long _row;
    private string? _recordId;

    /// <summary>Creates a validator for one usage file.</summary>
    /// <param name="options">Schema, categories, known items and parameter columns; null uses the defaults.</param>
    public UsageRecordValidator(UsageSpreadsheetOptions? options = null)
    {
        _options = options ?? new UsageSpreadsheetOptions();
        _categoryIds = new HashSet<string>(_options.EffectiveCategories.Select(c => c.Id), StringComparer.Ordinal);
        if (_options.ParameterColumns is not null)
        {
            ParameterColumns = _options.ParameterColumns;
            _parameterColumnSet = new HashSet<string>(_options.ParameterColumns, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The extra parameter columns in force: <see cref="UsageSpreadsheetOptions.ParameterColumns"/>, or the parameter
    /// names of the first record validated. Null until known.
    /// </summary>
    public IReadOnlyList<string>? ParameterColumns { get; private set; }

    /// <summary>Validates one record and remembers its id.</summary>
    /// <param name="record">The record.</param>
    /// <param name="rowNumber">The row it occupies (first record = row 2), used in the errors.</param>
    /// <returns>The errors found; empty when the record is valid.</returns>
    public IReadOnlyList<UsageValidationError> Validate(UsageRecord record, long rowNumber)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<UsageValidationError>();
        Validate(record, record.RecordId, rowNumber, errors);
        return errors;
    }

    /// <summary>Validates every record of a sequence and throws if any is invalid.</summary>
    /// <param name="records">The records, in file order.</param>
    /// <param name="options">Validation options.</param>
    /// <returns>The number of records validated.</returns>
    /// <exception cref="UsageValidationException">One or more records are invalid.</exception>
    public static long ValidateAll(IEnumerable<UsageRecord> records, UsageSpreadsheetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var validator = new UsageRecordValidator(options);
        var errors = new List<UsageValidationError>();
        var max = validator.MaxErrors;
        long row = 1;
        foreach (var record in records)
        {
            row++;
            validator.Validate(record ?? throw NullRecord(row), record.RecordId, row, errors);
            if (errors.Count >= max)
            {
                throw new UsageValidationException(errors, truncated: true);
            }
        }

        return errors.Count > 0 ? throw new UsageValidationException(errors) : row - 1;
    }

    /// <summary>The last row of an Excel worksheet; the header takes row 1.</summary>
    internal const long MaxSheetRow = 1_048_576;

    internal int MaxErrors => Math.Max(1, _options.MaxErrors);

    internal static ArgumentException NullRecord(long row) =>
        new($"The usage record for row {row} is null.");

    /// <summary>Validates <paramref name="record"/> as if its id were <paramref name="recordId"/> (an assigned id).</summary>
    internal void Validate(UsageRecord record, string? recordId, long row, List<UsageValidationError> errors)
    {
        _sink = errors;
        _sinkStart = errors.Count;
        _row = row;
        _recordId = recordId;

        if (row > MaxSheetRow)
        {
            Add(UsageColumns.RecordId, $"a usage file holds at most {MaxSheetRow - 1} records (the sheet row limit of Excel); split the records into several usage files");
        }

        if (recordId is not null)
        {
            if (string.IsNullOrWhiteSpace(recordId))
            {
                Add(UsageColumns.RecordId, "is blank; leave it null to get a generated id");
            }
            else
            {
                var key = Hash(recordId);
                if (_seenIds.TryGetValue(key, out var firstRow))
                {
                    Add(UsageColumns.RecordId, $"duplicate record id '{recordId}' (first used on row {firstRow})");
                }
                else
                {
                    _seenIds.Add(key, (int)Math.Min(row, int.MaxValue));
                }
            }
        }

        CheckText(UsageColumns.RecordId, recordId);
        CheckText(UsageColumns.RecordNote, record.RecordNote);

        if (IsBlank(record.ItemSearchCriteria))
        {
            Add(UsageColumns.ItemSearchCriteria, "is required (item.mpn, item.global_id or item.local_id)");
        }
        else if (!ItemCriteria.Contains(record.ItemSearchCriteria!))
        {
            Add(UsageColumns.ItemSearchCriteria, $"unknown criteria '{record.ItemSearchCriteria}'; expected item.mpn, item.global_id or item.local_id");
        }

        if (IsBlank(record.ItemSearchValue))
        {
            Add(UsageColumns.ItemSearchValue, "is required");
        }
        else if (_options.KnownItems is { } items && !items.Contains(record.ItemSearchValue!) && IsBlank(record.ItemName))
        {
            Add(UsageColumns.ItemSearchValue, $"unknown item '{record.ItemSearchValue}': not an item of the product (set item_name to report a new item)");
        }

        if (IsBlank(record.AssetSearchCriteria))
        {
            Add(UsageColumns.AssetSearchCriteria, "is required (asset.id or parameter.<param_id>)");
        }
        else if (record.AssetSearchCriteria != "asset.id"
                 && !(record.AssetSearchCriteria!.StartsWith("parameter.", StringComparison.Ordinal)
                      && record.AssetSearchCriteria.Length > "parameter.".Length
                      && !record.AssetSearchCriteria.AsSpan("parameter.".Length).ContainsAny(' ', '\t')))
        {
            Add(UsageColumns.AssetSearchCriteria, $"unknown criteria '{record.AssetSearchCriteria}'; expected asset.id or parameter.<param_id>");
        }

        if (IsBlank(record.AssetSearchValue))
        {
            Add(UsageColumns.AssetSearchValue, "is required");
        }

        CheckQuantities(record);

        if (record.StartTimeUtc is null)
        {
            Add(UsageColumns.StartTimeUtc, "is required");
        }

        if (record.EndTimeUtc is null)
        {
            Add(UsageColumns.EndTimeUtc, "is required");
        }

        if (record.StartTimeUtc is { } from && record.EndTimeUtc is { } to && UsageCells.ToUtc(to) < UsageCells.ToUtc(from))
        {
            Add(UsageColumns.EndTimeUtc, $"end {UsageCells.FormatDate(to)} is before start {UsageCells.FormatDate(from)}");
        }

        if (record.ItemPrecision is not null && !Precisions.Contains(record.ItemPrecision))
        {
            Add(UsageColumns.ItemPrecision, $"'{record.ItemPrecision}' is not one of integer, decimal(1), decimal(2), decimal(4), decimal(8)");
        }

        if (record.CategoryId is not null && !_categoryIds.Contains(record.CategoryId))
        {
            Add(UsageColumns.CategoryId, $"unknown category '{record.CategoryId}'; the categories sheet has {string.Join(", ", _categoryIds)}");
        }

        CheckText(UsageColumns.ItemSearchValue, record.ItemSearchValue);
        CheckText(UsageColumns.AssetSearchValue, record.AssetSearchValue);
        CheckText(UsageColumns.ItemName, record.ItemName);
        CheckText(UsageColumns.ItemMpn, record.ItemMpn);
        CheckText(UsageColumns.ItemUnit, record.ItemUnit);
        CheckText(UsageColumns.AssetReconId, record.AssetReconId);

        CheckParameters(record);
    }

    private void CheckQuantities(UsageRecord record)
    {
        switch (_options.Schema)
        {
            case UsageSchema.Qt when record.Quantity is null:
                Add(UsageColumns.Quantity, "is required for the QT schema");
                break;
            case UsageSchema.Cr or UsageSchema.Pr or UsageSchema.Tr when record.Amount is null:
                Add(UsageColumns.Amount, $"is required for the {_options.Schema.Value.ToString().ToUpperInvariant()} schema");
                break;
            case null when record.Quantity is null && record.Amount is null:
                Add(UsageColumns.Quantity, "a quantity or an amount is required");
                break;
        }

        if (_options.Schema == UsageSchema.Tr && record.Tier is null)
        {
            Add(UsageColumns.Tier, "is required for the TR schema");
        }

        if (record.Quantity < 0)
        {
            Add(UsageColumns.Quantity, $"must not be negative (got {UsageCells.FormatNumber(record.Quantity.Value)})");
        }

        if (record.Amount < 0)
        {
            Add(UsageColumns.Amount, $"must not be negative (got {UsageCells.FormatNumber(record.Amount.Value)})");
        }

        if (record.Tier < 0)
        {
            Add(UsageColumns.Tier, $"must not be negative (got {record.Tier.Value})");
        }
    }

    private void CheckParameters(UsageRecord record)
    {
        if (ParameterColumns is null)
        {
            // The writer streams, so the first record decides the extra columns unless the options declare them.
            ParameterColumns = record.Params is { Count: > 0 } first ? [.. first.Keys] : [];
            _parameterColumnSet = new HashSet<string>(ParameterColumns, StringComparer.Ordinal);
            foreach (var name in ParameterColumns)
            {
                if (UsageColumns.Records.Contains(name) || name == UsageColumns.LegacyRecordId || string.IsNullOrWhiteSpace(name))
                {
                    Add(name, $"parameter name '{name}' is blank or clashes with a standard column");
                }
            }
        }

        if (record.Params is null)
        {
            return;
        }

        foreach (var (name, value) in record.Params)
        {
            if (!_parameterColumnSet!.Contains(name))
            {
                Add(name, $"parameter '{name}' has no column; declare it in UsageSpreadsheetOptions.ParameterColumns");
            }
            else
            {
                CheckText(name, value);
            }
        }
    }

    private void Add(string field, string message)
    {
        if (_sink.Count < _sinkStart + 32)
        {
            _sink.Add(new UsageValidationError(_row, _recordId, field, message));
        }
    }

    private void CheckText(string field, string? value)
    {
        if (value is not null && value.AsSpan().ContainsAny(ForbiddenInXml))
        {
            Add(field, "contains characters that a spreadsheet cannot hold (control characters)");
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static IdHash Hash(string id)
    {
        // A 128-bit hash stands for the id, so a million ids cost ~32 MB rather than the strings themselves;
        // an accidental collision needs ~2^64 ids. Two ulongs, not UInt128, keep the dictionary entry 8-byte aligned.
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));
        return new IdHash((ulong)(hash >> 64), (ulong)hash);
    }

    private readonly record struct IdHash(ulong High, ulong Low)
    {
        public override int GetHashCode() => (int)Low ^ (int)(Low >> 32);
    }
}
