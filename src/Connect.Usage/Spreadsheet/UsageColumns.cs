namespace Connect.Usage;

/// <summary>
/// Header names of the usage-file spreadsheet (contract/api-contract.md section 8): the 17-column PHP/HAXE layout of the
/// <c>usage_records</c> sheet and the three columns of the <c>categories</c> sheet.
/// </summary>
public static class UsageColumns
{
    /// <summary>Name of the sheet holding the records.</summary>
    public const string RecordsSheet = "usage_records";

    /// <summary>Name of the sheet holding the categories.</summary>
    public const string CategoriesSheet = "categories";

    /// <summary><c>record_id</c>.</summary>
    public const string RecordId = "record_id";

    /// <summary><c>usage_record_id</c>: the 2019 template's name for <see cref="RecordId"/>, accepted when reading.</summary>
    public const string LegacyRecordId = "usage_record_id";

    /// <summary><c>record_note</c>.</summary>
    public const string RecordNote = "record_note";

    /// <summary><c>item_search_criteria</c>.</summary>
    public const string ItemSearchCriteria = "item_search_criteria";

    /// <summary><c>item_search_value</c>.</summary>
    public const string ItemSearchValue = "item_search_value";

    /// <summary><c>amount</c>.</summary>
    public const string Amount = "amount";

    /// <summary><c>quantity</c>.</summary>
    public const string Quantity = "quantity";

    /// <summary><c>start_time_utc</c>.</summary>
    public const string StartTimeUtc = "start_time_utc";

    /// <summary><c>end_time_utc</c>.</summary>
    public const string EndTimeUtc = "end_time_utc";

    /// <summary><c>asset_search_criteria</c>.</summary>
    public const string AssetSearchCriteria = "asset_search_criteria";

    /// <summary><c>asset_search_value</c>.</summary>
    public const string AssetSearchValue = "asset_search_value";

    /// <summary><c>item_name</c>.</summary>
    public const string ItemName = "item_name";

    /// <summary><c>item_mpn</c>.</summary>
    public const string ItemMpn = "item_mpn";

    /// <summary><c>item_precision</c>.</summary>
    public const string ItemPrecision = "item_precision";

    /// <summary><c>item_unit</c>.</summary>
    public const string ItemUnit = "item_unit";

    /// <summary><c>category_id</c>.</summary>
    public const string CategoryId = "category_id";

    /// <summary><c>asset_recon_id</c>.</summary>
    public const string AssetReconId = "asset_recon_id";

    /// <summary><c>tier</c>.</summary>
    public const string Tier = "tier";

    /// <summary><c>category_name</c> (categories sheet).</summary>
    public const string CategoryName = "category_name";

    /// <summary><c>category_description</c> (categories sheet).</summary>
    public const string CategoryDescription = "category_description";

    /// <summary>The 17 headers of the <c>usage_records</c> sheet, in column order A to Q.</summary>
    public static IReadOnlyList<string> Records { get; } =
    [
        RecordId, RecordNote, ItemSearchCriteria, ItemSearchValue, Amount, Quantity, StartTimeUtc, EndTimeUtc,
        AssetSearchCriteria, AssetSearchValue, ItemName, ItemMpn, ItemPrecision, ItemUnit, CategoryId, AssetReconId, Tier,
    ];

    /// <summary>The 3 headers of the <c>categories</c> sheet.</summary>
    public static IReadOnlyList<string> Categories { get; } = [CategoryId, CategoryName, CategoryDescription];

    /// <summary>The <c>item_search_criteria</c> values Connect knows.</summary>
    public static IReadOnlyList<string> ItemCriteria { get; } = ["item.mpn", "item.global_id", "item.local_id"];

    /// <summary>The <c>item_precision</c> values Connect knows.</summary>
    public static IReadOnlyList<string> ItemPrecisions { get; } = ["integer", "decimal(1)", "decimal(2)", "decimal(4)", "decimal(8)"];

    /// <summary>The date format of <c>start_time_utc</c> and <c>end_time_utc</c> cells (UTC, as text).</summary>
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";
}
