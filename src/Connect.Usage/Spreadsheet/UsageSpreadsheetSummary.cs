namespace Connect.Usage;

/// <summary>What <see cref="UsageSpreadsheetWriter"/> wrote.</summary>
/// <param name="RecordCount">Number of usage records written (rows of <c>usage_records</c> below the header).</param>
/// <param name="ParameterColumns">The extra parameter columns written after the 17 standard ones, in order.</param>
/// <param name="CategoryCount">Number of rows of the <c>categories</c> sheet.</param>
public sealed record UsageSpreadsheetSummary(long RecordCount, IReadOnlyList<string> ParameterColumns, int CategoryCount);
