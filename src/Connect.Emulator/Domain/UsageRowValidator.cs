using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Store;
using Connect.Emulator.Usage;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>Checks one row against the file's product (items, schema) and the product's assets (contract/api-contract.md section 8).</summary>
internal sealed class UsageRowValidator(StoreWriter w, JsonObject file)
{
    private static readonly string[] ReportableAssetStatuses = ["active", "suspended", "terminated"];

    private readonly string _productId = Json.Str(file, "product.id")!;
    private readonly string _schema = Json.Str(file, "schema") ?? "qt";
    private readonly string? _marketplaceId = Json.Str(file, "marketplace.id");
    private readonly List<JsonObject> _items = [.. Catalog.Items(w, Json.Str(file, "product.id")!)];
    private readonly HashSet<string> _recordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject?> _assetsById = new(StringComparer.Ordinal);
    private Dictionary<string, JsonObject>? _assetsByParameter;

    public JsonObject? Check(ParsedUsageRow row, List<(int Row, string Message)> errors)
    {
        var before = errors.Count;
        void Error(string message) => errors.Add((row.RowNumber, message));

        if (row.RecordId is null)
        {
            Error("record_id is empty.");
        }
        else if (!_recordIds.Add(row.RecordId))
        {
            Error($"record_id '{row.RecordId}' is used by an earlier row.");
        }

        var item = FindItem(row, Error);
        var asset = FindAsset(row, Error);

        if (_schema == "qt" && row.Quantity is null)
        {
            Error("quantity is required for schema qt.");
        }

        if (_schema is "tr" or "pr" or "cr" && row.Amount is null)
        {
            Error($"amount is required for schema {_schema}.");
        }

        if (_schema == "tr" && row.Tier is null)
        {
            Error("tier is required for schema tr.");
        }

        if (row.Quantity < 0)
        {
            Error("quantity must not be negative.");
        }

        if (row.Amount < 0)
        {
            Error("amount must not be negative.");
        }

        if (row.Tier is < 0)
        {
            Error("tier must not be negative.");
        }

        if (item is not null && row.Quantity is { } quantity && Decimals(Json.Str(item, "precision")) is { } places
            && decimal.Round(quantity, places) != quantity)
        {
            Error($"quantity {quantity.ToString(CultureInfo.InvariantCulture)} has more decimals than the item's precision {Json.Str(item, "precision")}.");
        }

        if (row.StartTimeUtc is null)
        {
            Error("start_time_utc is empty.");
        }

        if (row.EndTimeUtc is null)
        {
            Error("end_time_utc is empty.");
        }

        if (row.StartTimeUtc > row.EndTimeUtc)
        {
            Error("end_time_utc is before start_time_utc.");
        }

        if (errors.Count > before || item is null || asset is null)
        {
            return null;
        }

        return Record(row, item, asset);
    }

    private JsonObject? FindItem(ParsedUsageRow row, Action<string> error)
    {
        var criteria = row.ItemSearchCriteria;
        var value = row.ItemSearchValue;
        if (criteria is null || value is null)
        {
            error("item_search_criteria and item_search_value are required.");
            return null;
        }

        Func<JsonObject, bool>? match = criteria switch
        {
            "item.mpn" => i => Json.Str(i, "mpn") == value,
            "item.global_id" => i => Json.Id(i) == value,
            "item.local_id" => i => Json.Str(i, "local_id") == value || Json.Id(i) == value,
            _ => null,
        };
        if (match is null)
        {
            error($"item_search_criteria '{criteria}' is not one of item.mpn, item.global_id, item.local_id.");
            return null;
        }

        var item = _items.FirstOrDefault(match);
        if (item is null)
        {
            error($"no item of product {_productId} has {criteria} '{value}'.");
            return null;
        }

        if (Json.Str(item, "type") != "ppu")
        {
            error($"item {Json.Str(item, "mpn")} is not a pay-per-use item.");
            return null;
        }

        return item;
    }

    private JsonObject? FindAsset(ParsedUsageRow row, Action<string> error)
    {
        var criteria = row.AssetSearchCriteria;
        var value = row.AssetSearchValue;
        if (criteria is null || value is null)
        {
            error("asset_search_criteria and asset_search_value are required.");
            return null;
        }

        JsonObject? asset;
        if (criteria == "asset.id")
        {
            if (!_assetsById.TryGetValue(value, out asset))
            {
                asset = w.Get(Collections.Assets, value);
                _assetsById[value] = asset;
            }

            if (asset is not null && Json.Str(asset, "product.id") != _productId)
            {
                asset = null;
            }
        }
        else if (criteria.StartsWith("parameter.", StringComparison.Ordinal) && criteria.Length > "parameter.".Length)
        {
            _assetsByParameter ??= IndexAssets();
            asset = _assetsByParameter.GetValueOrDefault(criteria["parameter.".Length..] + "\u0001" + value);
        }
        else
        {
            error($"asset_search_criteria '{criteria}' is not asset.id or parameter.<parameter id>.");
            return null;
        }

        if (asset is null)
        {
            error($"no asset of product {_productId} has {criteria} '{value}'.");
            return null;
        }

        var status = Json.Str(asset, "status");
        if (!ReportableAssetStatuses.Contains(status))
        {
            error($"asset {Json.Id(asset)} is in status {status}; usage can be reported only for active, suspended or terminated assets.");
            return null;
        }

        if (_marketplaceId is not null && Json.Str(asset, "marketplace.id") is { } marketplace && marketplace != _marketplaceId)
        {
            error($"asset {Json.Id(asset)} belongs to marketplace {marketplace}, not {_marketplaceId} of the usage file's contract.");
            return null;
        }

        return asset;
    }

    private Dictionary<string, JsonObject> IndexAssets()
    {
        var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var asset in w.All(Collections.Assets))
        {
            if (Json.Str(asset, "product.id") != _productId)
            {
                continue;
            }

            foreach (var param in Json.Objects(asset["params"]))
            {
                if (Json.Str(param, "value") is { Length: > 0 } v)
                {
                    // Prefer a reportable asset when several share a value (e.g. a rejected one and its replacement).
                    var key = Json.Id(param) + "\u0001" + v;
                    if (!index.TryGetValue(key, out var existing) || !ReportableAssetStatuses.Contains(Json.Str(existing, "status")))
                    {
                        index[key] = asset;
                    }
                }
            }
        }

        return index;
    }

    private JsonObject Record(ParsedUsageRow row, JsonObject item, JsonObject asset) => new()
    {
        ["id"] = string.Empty,
        ["record_id"] = row.RecordId,
        ["record_note"] = row.RecordNote ?? string.Empty,
        ["start_date"] = Clock.Format(new DateTimeOffset(row.StartTimeUtc!.Value, TimeSpan.Zero)),
        ["end_date"] = Clock.Format(new DateTimeOffset(row.EndTimeUtc!.Value, TimeSpan.Zero)),
        ["product_id"] = _productId,
        ["product"] = Json.Copy(file["product"]),
        ["external_billing_id"] = string.Empty,
        ["external_billing_note"] = string.Empty,
        ["item"] = new JsonObject
        {
            ["id"] = Json.Id(item),
            ["local_id"] = Json.Str(item, "local_id") ?? Json.Id(item),
            ["name"] = Json.Str(item, "display_name"),
            ["unit"] = Json.Str(item, "unit.unit"),
            ["mpn"] = Json.Str(item, "mpn"),
            ["precision"] = Json.Str(item, "precision"),
            ["type"] = Json.Str(item, "type"),
        },
        ["item_id"] = Json.Id(item),
        ["asset"] = Json.Ref(asset, "id", "external_id", "external_uid"),
        ["asset_id"] = Json.Id(asset),
        ["asset_external_id"] = Json.Str(asset, "external_id"),
        ["asset_external_uid"] = Json.Str(asset, "external_uid"),
        ["asset_recon_id"] = row.AssetReconId ?? string.Empty,
        ["category"] = row.CategoryId ?? "generic_category",
        ["tier"] = row.Tier,
        ["amount"] = row.Amount,
        ["multiplier"] = 1,
        ["usage"] = row.Quantity ?? 0m,
        ["status"] = "valid",
        ["closed_at"] = null,
        ["closed_by"] = null,
        ["params"] = new JsonArray([.. row.Params.Select(p => (JsonNode)new JsonObject
        {
            ["parameter_name"] = p.Key,
            ["parameter_value"] = p.Value,
        })]),
        ["usagefile"] = Json.Ref(file, "id", "name", "schema", "currency"),
    };

    private static int? Decimals(string? precision) => precision switch
    {
        "integer" => 0,
        "decimal(1)" => 1,
        "decimal(2)" => 2,
        "decimal(4)" => 4,
        "decimal(8)" => 8,
        _ => null,
    };
}
