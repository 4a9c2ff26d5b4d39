namespace Connect.Usage;

/// <summary>One problem found in one usage record.</summary>
/// <param name="RowNumber">
/// The row of the <c>usage_records</c> sheet the record occupies (the header is row 1, so the first record is row 2);
/// for CSV input, the record's first line in the CSV file.
/// </param>
/// <param name="RecordId">The record id, when the record has one.</param>
/// <param name="Field">The column name (<c>quantity</c>, <c>item_search_criteria</c>, ...).</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record UsageValidationError(long RowNumber, string? RecordId, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        RecordId is null
            ? $"row {RowNumber}, {Field}: {Message}"
            : $"row {RowNumber} (record '{RecordId}'), {Field}: {Message}";
}
