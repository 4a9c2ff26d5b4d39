namespace Connect.Sdk.Models;

/// <summary>Lookups shared by the models that carry parameters and items.</summary>
internal static class ModelLookup
{
    public static Param? ParamById(IList<Param>? parameters, string id) =>
        parameters?.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    public static Item? Item(IList<Item>? items, Func<Item, string?> key, string value) =>
        items?.FirstOrDefault(i => string.Equals(key(i), value, StringComparison.Ordinal));
}
