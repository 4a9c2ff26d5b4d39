namespace Connect.Emulator.Rql;

/// <summary>One sort key of <c>ordering(...)</c> / <c>order_by=</c>.</summary>
internal sealed record RqlSortKey(string Path, bool Descending);
