using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>The editing steps builders share: items, parameters and tier accounts of an asset-shaped document.</summary>
internal static class ModelParts
{
    /// <summary>Sets the value of parameter <paramref name="id"/>, adding an ordering text parameter when it is missing.</summary>
    public static Param SetParameter(IList<Param> parameters, string id, string? value, string phase = "ordering", string scope = "asset")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var param = Find(parameters, id);
        if (param is null)
        {
            param = new Param
            {
                Id = id,
                Name = id,
                Title = Title(id),
                Description = Title(id) + " (" + phase + " parameter)",
                Type = "text",
                Scope = scope,
                Phase = phase,
                ValueError = string.Empty,
                Constraints = new Constraints { Required = false, Hidden = false, Unique = false, Reconciliation = false },
            };
            parameters.Add(param);
        }

        param.Value = value ?? string.Empty;
        return param;
    }

    /// <summary>The parameter with this id (or, failing that, this name).</summary>
    public static Param? Find(IList<Param>? parameters, string id) =>
        parameters?.FirstOrDefault(p => p.Id == id) ?? parameters?.FirstOrDefault(p => p.Name == id);

    /// <summary>Sets the quantity of the item with this MPN, adding the item when the document has none.</summary>
    public static Item SetItem(IList<Item> items, string productId, string mpn, decimal quantity, decimal? oldQuantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mpn);
        var item = items.FirstOrDefault(i => i.Mpn == mpn);
        if (item is null)
        {
            var globalId = productId + "-" + (items.Count + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            item = new Item
            {
                Id = globalId.Replace('-', '_'),
                GlobalId = globalId,
                Mpn = mpn,
                DisplayName = mpn,
                ItemType = "Reservation",
                Period = "Monthly",
                Type = "unit",
                Params = [],
            };
            items.Add(item);
        }

        item.Quantity = quantity;
        item.OldQuantity = oldQuantity ?? 0;
        return item;
    }

    /// <summary>Moves items whose ids were derived from <paramref name="oldProductId"/> to <paramref name="newProductId"/>.</summary>
    public static void RenameItems(IList<Item>? items, string? oldProductId, string newProductId)
    {
        if (items is null || string.IsNullOrEmpty(oldProductId) || oldProductId == newProductId)
        {
            return;
        }

        foreach (var item in items.Where(i => i.GlobalId?.StartsWith(oldProductId + "-", StringComparison.Ordinal) == true))
        {
            item.GlobalId = newProductId + item.GlobalId![oldProductId.Length..];
            item.Id = item.GlobalId.Replace('-', '_');
        }
    }

    private static string Title(string id) =>
        string.Join(' ', id.Split('_', StringSplitOptions.RemoveEmptyEntries).Select((w, i) => i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
}
