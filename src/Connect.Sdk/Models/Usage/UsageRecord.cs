using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>
/// One usage record to report in a usage file: a row of the <c>usage_records</c> sheet
/// (the Python connect-sdk's <c>connect.models.UsageRecord</c>). Amounts and quantities are <see cref="decimal"/>.
/// </summary>
public sealed class UsageRecord
{
    /// <summary>Unique id of the record within its usage file (<c>record_id</c>; the 2019 template calls it <c>usage_record_id</c>).</summary>
    [JsonPropertyName("record_id")]
    public string? RecordId { get; set; }

    /// <summary>Free-text note for the record (<c>record_note</c>).</summary>
    [JsonPropertyName("record_note")]
    public string? RecordNote { get; set; }

    /// <summary>How the item is found: <c>item.mpn</c>, <c>item.global_id</c> or <c>item.local_id</c>.</summary>
    [JsonPropertyName("item_search_criteria")]
    public string? ItemSearchCriteria { get; set; }

    /// <summary>The value matched against <see cref="ItemSearchCriteria"/>.</summary>
    [JsonPropertyName("item_search_value")]
    public string? ItemSearchValue { get; set; }

    /// <summary>Amount (needed for the CR, PR and TR schemas).</summary>
    [JsonPropertyName("amount")]
    public decimal? Amount { get; set; }

    /// <summary>Quantity consumed (needed for the QT schema).</summary>
    [JsonPropertyName("quantity")]
    public decimal? Quantity { get; set; }

    /// <summary>Start of the usage period, in UTC.</summary>
    [JsonPropertyName("start_time_utc")]
    public DateTime? StartTimeUtc { get; set; }

    /// <summary>End of the usage period, in UTC.</summary>
    [JsonPropertyName("end_time_utc")]
    public DateTime? EndTimeUtc { get; set; }

    /// <summary>How the asset is found: <c>asset.id</c> or <c>parameter.&lt;param_id&gt;</c>.</summary>
    [JsonPropertyName("asset_search_criteria")]
    public string? AssetSearchCriteria { get; set; }

    /// <summary>The value matched against <see cref="AssetSearchCriteria"/>.</summary>
    [JsonPropertyName("asset_search_value")]
    public string? AssetSearchValue { get; set; }

    /// <summary>Item name, only for items that are not part of the product definition.</summary>
    [JsonPropertyName("item_name")]
    public string? ItemName { get; set; }

    /// <summary>Item MPN, only for items that are not part of the product definition.</summary>
    [JsonPropertyName("item_mpn")]
    public string? ItemMpn { get; set; }

    /// <summary>Item precision (<c>integer</c>, <c>decimal(1)</c>, <c>decimal(2)</c>, <c>decimal(4)</c>, <c>decimal(8)</c>).</summary>
    [JsonPropertyName("item_precision")]
    public string? ItemPrecision { get; set; }

    /// <summary>Item unit, only for items that are not part of the product definition.</summary>
    [JsonPropertyName("item_unit")]
    public string? ItemUnit { get; set; }

    /// <summary>Category id, linking the row to the <c>categories</c> sheet.</summary>
    [JsonPropertyName("category_id")]
    public string? CategoryId { get; set; }

    /// <summary>The value of the asset's reconciliation parameter.</summary>
    [JsonPropertyName("asset_recon_id")]
    public string? AssetReconId { get; set; }

    /// <summary>Tier level (TR schema).</summary>
    [JsonPropertyName("tier")]
    public int? Tier { get; set; }

    /// <summary>Extra record parameters, by parameter name.</summary>
    [JsonPropertyName("params")]
    public IDictionary<string, string>? Params { get; set; }

    /// <summary>Fields not modelled above, kept so a read-modify-write never drops data.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
