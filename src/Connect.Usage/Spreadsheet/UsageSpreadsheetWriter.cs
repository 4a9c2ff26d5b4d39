using Connect.Sdk.Models;

namespace Connect.Usage;

/// <summary>
/// Writes usage records as a Connect usage file (.xlsx): a <c>usage_records</c> sheet with the 17 columns of
/// contract/api-contract.md section 8 (plus one column per record parameter) and a <c>categories</c> sheet.
/// </summary>
/// <remarks>
/// <para>
/// The writer streams: records are validated and written one at a time and never kept, so memory stays flat however
/// many there are. Numbers (<c>amount</c>, <c>quantity</c>, <c>tier</c>) are numeric cells in invariant culture with
/// full decimal precision; <c>start_time_utc</c>/<c>end_time_utc</c> are text <c>YYYY-MM-DD hh:mm:ss</c> in UTC
/// (an unspecified <see cref="DateTimeKind"/> is taken as UTC, local times are converted; sub-second parts are dropped).
/// Records without an id get <c>&lt;prefix&gt;-&lt;GUIDv7&gt;</c>; records without a category get the first category
/// (by default <c>generic_category</c>). Text is stored as XML stores it: line breaks (<c>\r\n</c>, <c>\r</c>) read back
/// as <c>\n</c>, the form Excel uses in cells.
/// </para>
/// <para>
/// Validation runs while writing (see <see cref="UsageRecordValidator"/>). If any record is invalid, nothing after it
/// is written, the remaining records are still validated (up to <see cref="UsageSpreadsheetOptions.MaxErrors"/>
/// errors), and a <see cref="UsageValidationException"/> listing them is thrown. The output is then not a valid
/// workbook: a seekable stream is cut back to where writing began; a non-seekable one holds an incomplete zip to discard.
/// </para>
/// <para>
/// The package is written with synchronous writes to <c>output</c> (System.IO.Packaging has no asynchronous API), so
/// pass a stream that allows them, such as a <see cref="FileStream"/> or <see cref="MemoryStream"/>. The stream may be
/// non-seekable; it is flushed, not closed.
/// </para>
/// </remarks>
public static class UsageSpreadsheetWriter
{
    /// <summary>Writes a usage file from an asynchronous sequence of records.</summary>
    /// <param name="output">Where the .xlsx bytes go (left open).</param>
    /// <param name="records">The records, in row order.</param>
    /// <param name="options">Layout and validation options; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then abandoned like on a validation error.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="UsageValidationException">One or more records are invalid.</exception>
    /// <exception cref="ArgumentException">The options' categories have a blank or repeated id.</exception>
    public static async Task<UsageSpreadsheetSummary> WriteAsync(
        Stream output,
        IAsyncEnumerable<UsageRecord> records,
        UsageSpreadsheetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new UsageWorkbookWriter(output, options);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!writer.TryAdd(record, cancellationToken))
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return writer.Complete();
    }

    /// <summary>Writes a usage file from a sequence of records.</summary>
    /// <param name="output">Where the .xlsx bytes go (left open).</param>
    /// <param name="records">The records, in row order.</param>
    /// <param name="options">Layout and validation options; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then abandoned like on a validation error.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="UsageValidationException">One or more records are invalid.</exception>
    public static Task<UsageSpreadsheetSummary> WriteAsync(
        Stream output,
        IEnumerable<UsageRecord> records,
        UsageSpreadsheetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(Write(output, records, options, cancellationToken));
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<UsageSpreadsheetSummary>(cancellationToken);
        }
    }

    /// <summary>Writes a usage file from a sequence of records, synchronously.</summary>
    /// <param name="output">Where the .xlsx bytes go (left open).</param>
    /// <param name="records">The records, in row order.</param>
    /// <param name="options">Layout and validation options; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the write; the output is then abandoned like on a validation error.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="UsageValidationException">One or more records are invalid.</exception>
    public static UsageSpreadsheetSummary Write(
        Stream output,
        IEnumerable<UsageRecord> records,
        UsageSpreadsheetOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new UsageWorkbookWriter(output, options);
        foreach (var record in records)
        {
            if (!writer.TryAdd(record, cancellationToken))
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return writer.Complete();
    }
}
