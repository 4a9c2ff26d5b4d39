using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Creating fulfillment requests: a purchase with its new asset, or a change, suspend, resume or cancel on an asset.</summary>
internal sealed class RequestCreation(DocumentStore store, Clock clock)
{
    /// <summary>Creates a request; <paramref name="assetId"/> fixes the new asset's id (the demo seed uses it).</summary>
    public JsonObject Create(JsonObject body, Caller caller, string? assetId = null) =>
        store.Write(w => CreateIn(w, body, caller, clock.Now(), assetId));

    private static JsonObject CreateIn(StoreWriter writer, JsonObject body, Caller caller, string now, string? assetId)
    {
        var type = Json.Text(body, "type") ?? "purchase";
        return type switch
        {
            "purchase" => CreatePurchase(writer, body, caller, now, assetId),
            "change" or "suspend" or "resume" or "cancel" => CreateOnAsset(writer, body, type, caller, now),
            _ => throw DomainException.Invalid($"type: \"{type}\" is not a valid choice."),
        };
    }

    private static JsonObject CreatePurchase(StoreWriter w, JsonObject body, Caller caller, string now, string? assetId)
    {
        var assetBody = body["asset"] as JsonObject ?? throw DomainException.Invalid("asset: This field is required.");
        var itemRefs = Json.Objects(assetBody["items"]).ToList();
        var product = ResolveProduct(w, assetBody, itemRefs);
        var productId = Json.Id(product);
        if (itemRefs.Count == 0)
        {
            throw DomainException.Invalid("asset.items: At least one item is required.");
        }

        var catalogItems = Catalog.Items(w, productId).ToList();
        var items = new JsonArray();
        foreach (var reference in itemRefs)
        {
            var item = Catalog.FindItem(catalogItems, reference)
                ?? throw DomainException.Invalid($"asset.items: Item {Json.Str(reference, "id") ?? Json.Str(reference, "global_id")} does not belong to product {productId}.");
            items.Add(Catalog.RequestItem(item, Catalog.Quantity(reference["quantity"]), "0"));
        }

        Catalog.WithItemParameters(w, productId, items);
        var definitions = Catalog.Parameters(w, productId, "asset").ToList();
        var given = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var param in Json.Objects(assetBody["params"]))
        {
            var id = Json.Str(param, "id") ?? throw DomainException.Invalid("asset.params: Every parameter needs an id.");
            if (!definitions.Any(d => Json.Str(d, "name") == id))
            {
                throw DomainException.Refused(ErrorCodes.RequestUnknownParameter, $"Parameter {id} does not exist in product {productId}.");
            }

            given[id] = param;
        }

        var parameters = new JsonArray();
        foreach (var definition in definitions)
        {
            var param = Catalog.RequestParameter(definition, null);
            if (given.TryGetValue(Json.Id(param), out var value))
            {
                param["value"] = Json.Text(value, "value") ?? string.Empty;
                if (value["structured_value"] is JsonObject structured)
                {
                    param["structured_value"] = structured.DeepClone();
                }
            }

            parameters.Add(param);
        }

        var marketplace = Accounts.Marketplace(w, productId, Json.Str(body, "marketplace.id"));
        var tiersBody = assetBody["tiers"] as JsonObject;
        var tiers = new JsonObject
        {
            ["customer"] = Accounts.ResolveTier(w, tiersBody?["customer"], "customer")
                ?? Accounts.ResolveTier(w, new JsonObject { ["name"] = "Customer" }, "customer"),
        };
        if (Accounts.ResolveTier(w, tiersBody?["tier1"], "tier1") is { } tier1)
        {
            tiers["tier1"] = tier1;
        }

        tiers["tier2"] = Accounts.ResolveTier(w, tiersBody?["tier2"], "tier2") ?? new JsonObject();
        var prototype = new JsonObject
        {
            ["status"] = "processing",
            ["product"] = Catalog.ProductRef(product),
            ["connection"] = Accounts.Connection(w, productId, Json.Str(assetBody, "connection.id")),
            ["items"] = items,
            ["tiers"] = tiers,
            ["configuration"] = new JsonObject { ["params"] = Catalog.ConfigurationParameters(w, productId, "product") },
            ["marketplace"] = Accounts.MarketplaceRef(marketplace),
            ["contract"] = Accounts.ContractRef(w, productId, Json.Id(marketplace)),
        };
        var asset = RequestDocuments.BuildAsset(prototype, assetId ?? Ids.Asset(w), Json.Text(assetBody, "external_id"), Json.Text(assetBody, "external_uid"), parameters, now);
        UniqueParameters.Check(w, asset, parameters);

        // A product with tier configuration waits in tiers_setup until every tier account it names is configured.
        var tiersReady = TierSetup.EnsureTierConfigs(w, product, asset, caller, now);
        var status = Json.Text(body, "status") == "draft" ? "draft" : tiersReady ? "pending" : "tiers_setup";
        var request = RequestDocuments.BuildRequest(w, asset, "purchase", status, now, Json.Text(body, "note") ?? string.Empty);
        w.Put(Collections.Assets, asset);
        w.Put(Collections.Requests, request);
        w.Audit(Collections.Assets, Json.Id(asset), null, "processing", "create", now, caller.ApiKeyId);
        w.Audit(Collections.Requests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
        ConversationService.Ensure(w, Json.Id(request), status);
        return request;
    }

    private static JsonObject CreateOnAsset(StoreWriter w, JsonObject body, string type, Caller caller, string now)
    {
        var assetId = Json.Str(body, "asset.id") ?? throw DomainException.Invalid("asset.id: This field is required.");
        var asset = w.Get(Collections.Assets, assetId)
            ?? throw DomainException.Refused(ErrorCodes.RequestCreate, $"Asset {assetId} does not exist.");
        var assetStatus = Json.Str(asset, "status");
        var allowed = type switch
        {
            "resume" => assetStatus == "suspended",
            "cancel" => assetStatus is "active" or "suspended",
            _ => assetStatus == "active",
        };
        if (!allowed)
        {
            throw DomainException.Refused(ErrorCodes.RequestCreate, $"Asset {assetId} is in status {assetStatus}, a {type} request is not allowed.");
        }

        if (w.Find(Collections.Requests, Indexes.AssetId, assetId).FirstOrDefault(r =>
                Catalog.OpenRequestStatuses.Contains(Json.Str(r, "status"))) is { } open)
        {
            throw DomainException.Refused(ErrorCodes.RequestCreate, $"Asset {assetId} already has an open request {Json.Id(open)}.");
        }

        var snapshot = Json.Clone(asset);
        var current = Json.Objects(asset["items"]).ToList();
        var items = new JsonArray();
        foreach (var item in current)
        {
            var copy = Json.Clone(item);
            copy["old_quantity"] = Json.Str(item, "quantity") ?? "0";
            items.Add(copy);
        }

        if (type == "change")
        {
            var references = Json.Objects(body["asset"]?["items"]).ToList();
            if (references.Count == 0)
            {
                throw DomainException.Invalid("asset.items: A change request needs the new item quantities.");
            }

            var catalogItems = Catalog.Items(w, Json.Str(asset, "product.id")!).ToList();
            foreach (var reference in references)
            {
                var target = Catalog.FindItem(items.OfType<JsonObject>().Select(i => new JsonObject
                {
                    ["id"] = Json.Str(i, "global_id"),
                    ["mpn"] = Json.Str(i, "mpn"),
                }), reference);
                var existing = target is null ? null : items.OfType<JsonObject>().First(i => Json.Str(i, "global_id") == Json.Id(target));
                if (existing is not null)
                {
                    existing["quantity"] = Catalog.Quantity(reference["quantity"]);
                    continue;
                }

                var catalogItem = Catalog.FindItem(catalogItems, reference)
                    ?? throw DomainException.Invalid($"asset.items: Item {Json.Str(reference, "id") ?? Json.Str(reference, "global_id")} does not belong to product {Json.Str(asset, "product.id")}.");
                items.Add(Catalog.RequestItem(catalogItem, Catalog.Quantity(reference["quantity"]), "0"));
            }
        }

        var itemParameters = Catalog.ConfigurationParameters(w, Json.Str(asset, "product.id")!, "item");
        foreach (var added in items.OfType<JsonObject>().Where(i => i["params"] is null))
        {
            added["params"] = itemParameters.DeepClone();
        }

        snapshot["items"] = items;
        var request = RequestDocuments.BuildRequest(w, snapshot, type, "pending", now, Json.Text(body, "note") ?? string.Empty);
        w.Put(Collections.Requests, request);
        w.Audit(Collections.Requests, Json.Id(request), null, "pending", "create", now, caller.ApiKeyId);
        ConversationService.Ensure(w, Json.Id(request), "pending");
        return request;
    }

    private static JsonObject ResolveProduct(StoreWriter w, JsonObject assetBody, List<JsonObject> itemRefs)
    {
        if (Json.Str(assetBody, "product.id") is { } productId && w.Get(Collections.Products, productId) is { } product)
        {
            return product;
        }

        foreach (var reference in itemRefs)
        {
            var globalId = Json.Str(reference, "global_id") ?? Json.Str(reference, "id")?.Replace('_', '-');
            if (globalId is not null && w.Get(Collections.Items, globalId) is { } item)
            {
                return Catalog.Product(w, Json.Str(item, "product.id"));
            }
        }

        if (Json.Str(assetBody, "product.id") is { } unknown && w.Get(Collections.Items, unknown) is { } byItem)
        {
            return Catalog.Product(w, Json.Str(byItem, "product.id"));
        }

        throw DomainException.Invalid($"asset.product: Product {Json.Str(assetBody, "product.id")} does not exist.");
    }
}
