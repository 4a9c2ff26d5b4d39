namespace Connect.Usage;

/// <summary>
/// How much of a workbook <see cref="UsageSpreadsheetReader"/> reads before it gives up with a
/// <see cref="UsageFormatException"/> naming the limit: a hostile file (a zip bomb, a huge cell, a sheet of millions of
/// columns) costs bounded memory and time. The defaults are the emulator's (Excel's own sheet limits where it has them).
/// </summary>
public sealed class UsageReadLimits
{
    /// <summary>The defaults.</summary>
    public static UsageReadLimits Default { get; } = new();

    /// <summary>Bytes of XML the workbook's parts may expand to, all parts together (declared and actual); default 1 GiB.</summary>
    public long MaxExpandedBytes { get; init; } = 1L << 30;

    /// <summary>Characters in one cell; default 32,767, Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Cells in one row (and the highest column index); default 1,024.</summary>
    public int MaxColumns { get; init; } = 1_024;

    /// <summary>Rows of a sheet, the header included; default 1,048,576, Excel's own limit.</summary>
    public int MaxRows { get; init; } = 1_048_576;

    /// <summary>Characters of the shared string table, all strings together; default 32 M.</summary>
    public long MaxSharedStringChars { get; init; } = 32L * 1024 * 1024;
}
