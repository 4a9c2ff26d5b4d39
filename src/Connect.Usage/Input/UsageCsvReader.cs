using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Connect.Sdk.Models;
using CsvHelper;
using CsvHelper.Configuration;

namespace Connect.Usage;

/// <summary>
/// Reads usage records from CSV (RFC 4180 quoting, parsed by CsvHelper): a header row with the column names of the
/// usage file (contract/api-contract.md section 8; any order, <c>usage_record_id</c> accepted for <c>record_id</c>, unknown columns become
/// <see cref="UsageRecord.Params"/>), numbers in invariant culture, dates as <c>YYYY-MM-DD hh:mm:ss</c> (UTC),
/// <c>YYYY-MM-DD</c> or ISO 8601. Records stream one at a time, so any file size reads in flat memory.
/// </summary>
public static class UsageCsvReader
{
    /// <summary>Reads records from a UTF-8 CSV stream (a byte-order mark is honoured). The stream is left open.</summary>
    /// <param name="csv">The CSV bytes.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="UsageFormatException">Malformed CSV, a missing header, or a cell of the wrong type; the message names the line and column.</exception>
    public static async IAsyncEnumerable<UsageRecord> ReadAsync(Stream csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        await foreach (var record in ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>Reads records from CSV text. The reader is left open.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="UsageFormatException">Malformed CSV, a missing header, or a cell of the wrong type; the message names the line and column.</exception>
    public static async IAsyncEnumerable<UsageRecord> ReadAsync(TextReader csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            BadDataFound = args => throw new UsageFormatException(
                $"malformed CSV field {args.Field}: a quote inside an unquoted field, or a quoted field not closed (RFC 4180)",
                StartLine(args.Context.Parser!)),
        };

        using var parser = new CsvParser(csv, configuration, leaveOpen: true);
        UsageRecordMapper? mapper = null;
        var width = 0;
        while (await ReadRowAsync(parser).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = parser.Record ?? [];
            var line = StartLine(parser);
            if (mapper is null)
            {
                mapper = UsageRecordMapper.Create(fields, line);
                width = fields.Length;
                continue;
            }

            if (fields.Length != width)
            {
                throw new UsageFormatException($"the record has {fields.Length} fields but the header has {width}", line);
            }

            yield return mapper.Map(i => i < fields.Length ? fields[i] : null, line);
        }

        if (mapper is null)
        {
            throw new UsageFormatException("the CSV is empty: it has no header row", 1);
        }
    }

    private static async Task<bool> ReadRowAsync(CsvParser parser)
    {
        try
        {
            return await parser.ReadAsync().ConfigureAwait(false);
        }
        catch (CsvHelperException ex) when (ex is not BadDataException || ex.InnerException is not UsageFormatException)
        {
            throw new UsageFormatException($"malformed CSV: {ex.Message.Split('\n')[0].Trim()}", StartLine(parser), null, ex);
        }
    }

    /// <summary>The first line of the current record (a quoted field may span lines).</summary>
    private static long StartLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        return Math.Max(1, parser.RawRow - raw.Count('\n'));
    }
}
