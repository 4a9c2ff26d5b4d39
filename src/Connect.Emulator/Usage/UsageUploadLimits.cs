namespace Connect.Emulator.Usage;

/// <summary>
/// How much of an uploaded workbook the emulator reads before it gives up: a hostile file (a zip bomb, a huge cell, a
/// sheet of millions of columns) stops at the first limit it crosses, and the usage file becomes <c>invalid</c> with an
/// <c>error_detail</c> naming that limit. Memory stays bounded by these numbers, not by the file.
/// </summary>
internal sealed record UsageUploadLimits
{
    /// <summary>The defaults: generous for any real usage file (Excel's own sheet limits), small for an attacker.</summary>
    public static UsageUploadLimits Default { get; } = new();

    /// <summary>Bytes of XML the workbook's parts may expand to, all parts together (declared and actual); default 1 GiB.</summary>
    public long MaxExpandedBytes { get; init; } = 1L << 30;

    /// <summary>Characters in one cell; default 32,767, Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Cells in one row (and the highest column index); default 1,024.</summary>
    public int MaxColumns { get; init; } = 1_024;

    /// <summary>Data rows of a sheet; default 1,048,576, Excel's own limit.</summary>
    public int MaxRows { get; init; } = 1_048_576;

    /// <summary>Characters of the shared string table, all strings together; default 32 M.</summary>
    public long MaxSharedStringChars { get; init; } = 32L * 1024 * 1024;
}
