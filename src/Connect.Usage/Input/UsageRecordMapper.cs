using Connect.Sdk.Models;

namespace Connect.Usage;

/// <summary>Turns a row of named text cells (CSV or spreadsheet) into a <see cref="UsageRecord"/>, by header name.</summary>
internal sealed class UsageRecordMapper
{
    private readonly int[] _standard;
    private readonly (string Name, int Index)[] _parameters;
    private readonly string[] _headers;

    private UsageRecordMapper(string[] headers, int[] standard, (string, int)[] parameters)
    {
        _headers = headers;
        _standard = standard;
        _parameters = parameters;
    }

    /// <summary>Maps header names (trimmed, case-insensitive; <c>usage_record_id</c> = <c>record_id</c>) to columns.</summary>
    /// <exception cref="UsageFormatException">A required header is missing or one is repeated.</exception>
    public static UsageRecordMapper Create(IReadOnlyList<string?> headers, long headerLine)
    {
        var names = headers.Select(h => (h ?? "").Trim().ToLowerInvariant()).ToArray();
        var standard = new int[UsageColumns.Records.Count];
        Array.Fill(standard, -1);
        var parameters = new List<(string, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i] == UsageColumns.LegacyRecordId ? UsageColumns.RecordId : names[i];
            if (name.Length == 0)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                throw new UsageFormatException($"the header '{name}' appears twice", headerLine, name);
            }

            var known = IndexOf(name);
            if (known >= 0)
            {
                standard[known] = i;
            }
            else
            {
                parameters.Add(((headers[i] ?? "").Trim(), i));
            }
        }

        var missing = new[] { UsageColumns.ItemSearchCriteria, UsageColumns.ItemSearchValue, UsageColumns.AssetSearchCriteria, UsageColumns.AssetSearchValue }
            .Where(c => standard[IndexOf(c)] < 0).ToList();
        if (standard[IndexOf(UsageColumns.Quantity)] < 0 && standard[IndexOf(UsageColumns.Amount)] < 0)
        {
            missing.Add("quantity or amount");
        }

        if (missing.Count > 0)
        {
            throw new UsageFormatException($"the header row lacks required columns: {string.Join(", ", missing)}", headerLine);
        }

        return new UsageRecordMapper(names, standard, [.. parameters]);
    }

    /// <summary>Builds the record of one data row; <paramref name="cell"/> returns a cell's text by column index (null when absent).</summary>
    public UsageRecord Map(Func<int, string?> cell, long line)
    {
        string? Text(int column)
        {
            var index = _standard[column];
            var value = index < 0 ? null : cell(index);
            return string.IsNullOrEmpty(value) ? null : value;
        }

        decimal? Number(int column)
        {
            var text = Text(column);
            if (text is null || text.Trim().Length == 0)
            {
                return null;
            }

            return UsageCells.TryParseNumber(text, out var value)
                ? value
                : throw new UsageFormatException($"'{text}' is not a number (invariant culture, '.' as decimal separator)", line, UsageColumns.Records[column]);
        }

        DateTime? Date(int column)
        {
            var text = Text(column);
            if (text is null || text.Trim().Length == 0)
            {
                return null;
            }

            if (UsageCells.TryParseDate(text, out var value))
            {
                return value;
            }

            // A date typed into Excel is stored as an OLE Automation serial number.
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var serial)
                && serial is > 0 and < 2958466)
            {
                return DateTime.SpecifyKind(DateTime.FromOADate(serial), DateTimeKind.Utc);
            }

            throw new UsageFormatException($"'{text}' is not a date; expected YYYY-MM-DD hh:mm:ss (UTC) or ISO 8601", line, UsageColumns.Records[column]);
        }

        int? Tier()
        {
            var number = Number(16);
            return number switch
            {
                null => null,
                { } n when n == decimal.Truncate(n) && n is >= int.MinValue and <= int.MaxValue => (int)n,
                { } n => throw new UsageFormatException($"'{UsageCells.FormatNumber(n)}' is not a whole tier level", line, UsageColumns.Tier),
            };
        }

        Dictionary<string, string>? parameters = null;
        foreach (var (name, index) in _parameters)
        {
            if (cell(index) is { Length: > 0 } value)
            {
                (parameters ??= new(StringComparer.Ordinal))[name] = value;
            }
        }

        return new UsageRecord
        {
            RecordId = Text(0),
            RecordNote = Text(1),
            ItemSearchCriteria = Text(2),
            ItemSearchValue = Text(3),
            Amount = Number(4),
            Quantity = Number(5),
            StartTimeUtc = Date(6),
            EndTimeUtc = Date(7),
            AssetSearchCriteria = Text(8),
            AssetSearchValue = Text(9),
            ItemName = Text(10),
            ItemMpn = Text(11),
            ItemPrecision = Text(12),
            ItemUnit = Text(13),
            CategoryId = Text(14),
            AssetReconId = Text(15),
            Tier = Tier(),
            Params = parameters,
        };
    }

    /// <summary>The header name of a column index, for messages.</summary>
    public string HeaderAt(int index) => index < _headers.Length ? _headers[index] : $"#{index + 1}";

    private static int IndexOf(string name)
    {
        for (var i = 0; i < UsageColumns.Records.Count; i++)
        {
            if (UsageColumns.Records[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
