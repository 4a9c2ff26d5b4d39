namespace Connect.Usage;

/// <summary>How <see cref="UsageSpreadsheetWriter"/> lays out and validates a usage file.</summary>
public sealed class UsageSpreadsheetOptions
{
    /// <summary>
    /// The product's usage schema. When set, the columns it needs are required (quantity for QT; amount for CR, PR
    /// and TR; tier for TR). When null, each record needs a quantity or an amount.
    /// </summary>
    public UsageSchema? Schema { get; set; }

    /// <summary>
    /// Rows of the <c>categories</c> sheet. Null or empty writes the single default row
    /// (<see cref="UsageCategory.Generic"/>). A record's <c>category_id</c>, when set, must be one of these ids.
    /// </summary>
    public IReadOnlyList<UsageCategory>? Categories { get; set; }

    /// <summary>
    /// Names of the extra parameter columns written after the 17 standard ones, one per entry of
    /// <see cref="Connect.Sdk.Models.UsageRecord.Params"/>. Null takes the parameter names of the first record, in its order
    /// (the writer streams, so it cannot look further ahead). A record carrying a parameter that has no column is an error.
    /// </summary>
    public IReadOnlyList<string>? ParameterColumns { get; set; }

    /// <summary>
    /// The product's item identifiers (MPNs, global ids or local ids, whichever the records search by). When set, a
    /// record whose <c>item_search_value</c> is not among them is an error unless it declares a new item
    /// (<c>item_name</c> set). Compared ordinally.
    /// </summary>
    public IReadOnlySet<string>? KnownItems { get; set; }

    /// <summary>Prefix of the record ids assigned to records without one: <c>&lt;prefix&gt;-&lt;GUIDv7&gt;</c>. Default <c>record</c>.</summary>
    public string RecordIdPrefix { get; set; } = "record";

    /// <summary>How many errors to collect before validation stops. Default 100.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>The clock behind assigned record ids (GUIDv7 embeds a timestamp next to random bits). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether every row and cell carries its reference (<c>r="12"</c>, <c>r="E12"</c>). Default false: the references
    /// are optional in ECMA-376 and readers (openpyxl, the Open XML SDK, the emulator) count rows and cells instead,
    /// so only a cell that follows an empty one gets its reference. Turn this on for a reader that insists on them; a
    /// million-record file then takes about a quarter more time and 2.8 times the bytes.
    /// </summary>
    public bool CellReferences { get; set; }

    /// <summary>
    /// Whether the records sheet is deflated and stored on a background thread (when the machine has more than one
    /// core). Internal: a switch for the benchmark's side-by-side runs and for tests, not a tuning knob.
    /// </summary>
    internal bool BackgroundWrite { get; set; } = true;

    internal IReadOnlyList<UsageCategory> EffectiveCategories =>
        Categories is { Count: > 0 } ? Categories : [UsageCategory.Generic];
}
