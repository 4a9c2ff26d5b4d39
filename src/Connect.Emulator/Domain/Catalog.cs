using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Store;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>Product catalog lookups and the shapes catalog objects take inside requests and assets.</summary>
internal static class Catalog
{
    public static readonly string[] OpenRequestStatuses = ["draft", "tiers_setup", "pending", "inquiring", "scheduled", "revoking"];

    public static JsonObject Product(StoreWriter writer, string? id) =>
        (id is null ? null : writer.Get(Collections.Products, id))
        ?? throw DomainException.Invalid($"product: Product {id} does not exist.");

    public static IEnumerable<JsonObject> Items(StoreWriter writer, string productId) =>
        writer.All(Collections.Items).Where(i => Json.Str(i, "product.id") == productId);

    public static IEnumerable<JsonObject> Parameters(StoreWriter writer, string productId, string scope) =>
        writer.All(Collections.Parameters)
            .Where(p => Json.Str(p, "product.id") == productId && (Json.Str(p, "scope") ?? "asset") == scope)
            .OrderBy(p => p["position"]?.GetValue<int>() ?? 0);

    /// <summary>The tier levels a product needs configured (0 = none), from <c>capabilities.tiers.configs.level</c>.</summary>
    public static int TierLevel(JsonObject product) =>
        product["capabilities"]?["tiers"]?["configs"]?["level"] is JsonValue v && v.TryGetValue<int>(out var level) ? level : 0;

    public static JsonObject ProductRef(JsonObject product) => Json.Ref(product, "id", "icon", "name", "status");

    /// <summary>Finds a product item by request id (<c>PRD_..._0001</c>), global id or MPN.</summary>
    public static JsonObject? FindItem(IEnumerable<JsonObject> items, JsonObject reference)
    {
        var id = Json.Str(reference, "id");
        var globalId = Json.Str(reference, "global_id");
        var mpn = Json.Str(reference, "mpn");
        return items.FirstOrDefault(i =>
            (id is not null && (RequestItemId(i) == id || Json.Id(i) == id))
            || (globalId is not null && Json.Id(i) == globalId)
            || (mpn is not null && Json.Str(i, "mpn") == mpn));
    }

    public static string RequestItemId(JsonObject item) => Json.Id(item).Replace('-', '_');

    /// <summary>
    /// The configuration parameters of a product for a scope (<c>product</c>: <c>asset.configuration.params</c>;
    /// <c>item</c>: <c>asset.items[].params</c>) as they appear in an asset, with the vendor's values.
    /// </summary>
    public static JsonArray ConfigurationParameters(StoreWriter writer, string productId, string scope) =>
        [.. Parameters(writer, productId, scope).Where(p => Json.Str(p, "phase") == "configuration").Select(d => (JsonNode)new JsonObject
        {
            ["id"] = Json.Str(d, "name"),
            ["title"] = Json.Str(d, "title"),
            ["description"] = Json.Str(d, "description"),
            ["type"] = Json.Str(d, "type") ?? "text",
            ["scope"] = scope,
            ["phase"] = "configuration",
            ["constraints"] = new JsonObject
            {
                ["hidden"] = Json.Copy(d["constraints"]?["hidden"]) ?? false,
                ["required"] = Json.Copy(d["constraints"]?["required"]) ?? false,
                ["unique"] = Json.Copy(d["constraints"]?["unique"]) ?? false,
            },
            ["value"] = Json.Str(d, "value") ?? string.Empty,
            ["events"] = Json.Copy(d["events"]),
        })];

    /// <summary>Sets each item's configuration parameters (<c>asset.items[].params</c>).</summary>
    public static JsonArray WithItemParameters(StoreWriter writer, string productId, JsonArray items)
    {
        var parameters = ConfigurationParameters(writer, productId, "item");
        foreach (var item in items.OfType<JsonObject>())
        {
            item["params"] = parameters.DeepClone();
        }

        return items;
    }

    /// <summary>An item as it appears in <c>asset.items</c> (quantities are strings, contract/api-contract.md section 1).</summary>
    public static JsonObject RequestItem(JsonObject item, string quantity, string oldQuantity) => new()
    {
        ["id"] = RequestItemId(item),
        ["global_id"] = Json.Id(item),
        ["mpn"] = Json.Str(item, "mpn"),
        ["old_quantity"] = oldQuantity,
        ["quantity"] = quantity,
        ["type"] = Json.Str(item, "unit.unit") ?? "unit",
        ["display_name"] = Json.Str(item, "display_name"),
        ["period"] = Json.Str(item, "period") is { } period ? char.ToUpperInvariant(period[0]) + period[1..] : "Monthly",
        ["item_type"] = Json.Str(item, "type") == "ppu" ? "PPU" : "Reservation",
    };

    /// <summary>A parameter definition as it appears in <c>asset.params</c> / TCR <c>params</c>, with a value.</summary>
    public static JsonObject RequestParameter(JsonObject definition, string? value)
    {
        var param = new JsonObject
        {
            ["id"] = Json.Str(definition, "name"),
            ["name"] = Json.Str(definition, "name"),
            ["title"] = Json.Str(definition, "title"),
            ["description"] = Json.Str(definition, "description"),
            ["type"] = Json.Str(definition, "type") ?? "text",
            ["scope"] = Json.Str(definition, "scope") ?? "asset",
            ["phase"] = Json.Str(definition, "phase"),
            ["constraints"] = Json.Copy(definition["constraints"]) ?? new JsonObject(),
            ["value"] = value ?? string.Empty,
            ["value_error"] = string.Empty,
            ["value_choices"] = Json.Copy(definition["value_choices"]) ?? new JsonArray(),
        };
        return param;
    }

    public static string Quantity(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 => s,
        JsonValue v when v.TryGetValue<decimal>(out var d) && d >= 0 => d.ToString(CultureInfo.InvariantCulture),
        null => "1",
        _ => throw DomainException.Invalid("quantity: A non-negative number is required."),
    };
}
