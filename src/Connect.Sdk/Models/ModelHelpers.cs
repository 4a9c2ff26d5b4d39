using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Lookups shared by the models that carry parameters and items.</summary>
internal static class ModelLookup
{
    public static Param? ParamById(IList<Param>? parameters, string id) =>
        parameters?.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    public static Item? Item(IList<Item>? items, Func<Item, string?> key, string value) =>
        items?.FirstOrDefault(i => string.Equals(key(i), value, StringComparison.Ordinal));
}

public sealed partial class Asset
{
    /// <summary>The asset parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);

    /// <summary>The item with the given id, or <see langword="null"/>.</summary>
    /// <param name="itemId">Item id.</param>
    public Item? GetItemById(string itemId) => ModelLookup.Item(Items, i => i.Id, itemId);

    /// <summary>The item with the given MPN, or <see langword="null"/>.</summary>
    /// <param name="mpn">Manufacturer part number.</param>
    public Item? GetItemByMpn(string mpn) => ModelLookup.Item(Items, i => i.Mpn, mpn);

    /// <summary>The item with the given global id, or <see langword="null"/>.</summary>
    /// <param name="globalId">Global id.</param>
    public Item? GetItemByGlobalId(string globalId) => ModelLookup.Item(Items, i => i.GlobalId, globalId);
}

public sealed partial class Item
{
    /// <summary>The item parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}

public sealed partial class Configuration
{
    /// <summary>The configuration parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}

public sealed partial class TierConfig
{
    /// <summary>The tier parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}

public sealed partial class TierConfigRequest
{
    /// <summary>The request parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}

public sealed partial class FulfillmentRequest
{
    /// <summary>The asset parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => Asset?.GetParamById(paramId);

    /// <summary>
    /// Whether the request carries data to migrate from a legacy system: the parameter
    /// <paramref name="migrationKey"/> exists and has a non-empty value. Such requests are normally skipped.
    /// </summary>
    /// <param name="migrationKey">Name of the parameter holding the migration data.</param>
    public bool NeedsMigration(string migrationKey = "migration_info") =>
        !string.IsNullOrEmpty(GetParamById(migrationKey)?.Value);

    /// <summary>Items added by this request: quantity not zero (-1 means unlimited), previous quantity zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> NewItems => ItemsWhere(i => (i.Quantity ?? 0) != 0 && (i.OldQuantity ?? 0) == 0);

    /// <summary>Items whose quantity changed: both the quantity and the previous quantity not zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> ChangedItems =>
        ItemsWhere(i => (i.Quantity ?? 0) != 0 && (i.OldQuantity ?? 0) != 0);

    /// <summary>Items removed by this request: quantity zero, previous quantity above zero.</summary>
    [JsonIgnore]
    public IReadOnlyList<Item> RemovedItems => ItemsWhere(i => (i.Quantity ?? 0) == 0 && (i.OldQuantity ?? 0) != 0);

    private List<Item> ItemsWhere(Func<Item, bool> predicate) =>
        Asset?.Items?.Where(predicate).ToList() ?? [];
}
