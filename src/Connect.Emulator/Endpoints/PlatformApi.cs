using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Http;
using Connect.Emulator.Store;

namespace Connect.Emulator.Endpoints;

/// <summary>
/// Hubs, product versions and product connections, and usage reconciliations (relative to <c>/public/v1</c>): the
/// read-only routes a vendor's processor or report looks up besides requests and the catalog.
/// </summary>
internal static class PlatformApi
{
    private static readonly ListSpec HubList = new(Collections.Hubs)
    {
        Filterable = ListFilters.Hubs,
        SearchFields = ["id", "name"],
    };

    private static readonly ListSpec ReconciliationList = new(Collections.UsageReconciliations)
    {
        Filterable = ListFilters.UsageReconciliations,
        SearchFields = ["id", "usagefile.id"],
    };

    public static void Map(RouteGroupBuilder api, EmulatorServices s)
    {
        api.MapGet("/hubs", (HttpContext c) => Lists.FromStore(c, s.Store, HubList));
        api.MapGet("/hubs/{id}", (string id) => Responses.Json(Hub(s, id)));
        api.MapGet("/hubs/{hubId}/connections", (HttpContext c, string hubId) =>
        {
            _ = Hub(s, hubId);
            var connections = s.Store.All(Collections.Connections).Where(x => Json.Str(x, "hub.id") == hubId).Select(x => new JsonObject
            {
                ["id"] = Json.Id(x),
                ["type"] = Json.Str(x, "type"),
                ["status"] = Json.Str(x, "status"),
                ["created_at"] = Json.Str(x, "created_at"),
                ["product"] = ProductRef(s, Json.Str(x, "product.id")),
                ["provider"] = Json.Copy(x["provider"]),
                ["vendor"] = Json.Copy(x["vendor"]),
            });
            return Lists.FromDocuments(c, connections, new ListSpec(Collections.Connections) { Filterable = ListFilters.HubConnections });
        });
        api.MapGet("/hubs/{hubId}/marketplaces", (HttpContext c, string hubId) =>
        {
            _ = Hub(s, hubId);
            var marketplaces = s.Store.All(Collections.Marketplaces)
                .Where(m => Json.Objects(m["hubs"]).Any(h => Json.Str(h, "hub.id") == hubId))
                .Select(m =>
                {
                    var reference = Json.Ref(m, "id", "name", "icon");
                    reference["external_id"] = Json.Str(Json.Objects(m["hubs"]).First(h => Json.Str(h, "hub.id") == hubId), "external_id");
                    return reference;
                });
            return Lists.FromDocuments(c, marketplaces, new ListSpec(Collections.Marketplaces) { Filterable = ListFilters.HubMarketplaces });
        });

        api.MapGet("/products/{productId}/versions", (HttpContext c, string productId) =>
            Lists.FromDocuments(c, [Version(Product(s, productId))], new ListSpec("product_versions") { Filterable = ListFilters.ProductVersions }));
        api.MapGet("/products/{productId}/versions/{version}", (string productId, string version) =>
        {
            var current = Version(Product(s, productId));
            return Json.Str(current, "version") == version
                ? Responses.Json(current)
                : throw ApiException.NotFound("Product version", $"{productId} v{version}");
        });

        var connectionList = new ListSpec(Collections.Connections) { Filterable = ListFilters.ProductConnections, Internal = ["product"] };
        api.MapGet("/products/{productId}/connections", (HttpContext c, string productId) =>
        {
            _ = Product(s, productId);
            return Lists.FromStore(c, s.Store, connectionList with
            {
                Scope = productId,
                Prefilter = x => Json.Str(x, "product.id") == productId,
            });
        });
        api.MapGet("/products/{productId}/connections/{id}", (string productId, string id) =>
        {
            _ = Product(s, productId);
            var connection = s.Store.Get(Collections.Connections, id);
            return connection is not null && Json.Str(connection, "product.id") == productId
                ? Responses.Json(Lists.Shape(connection, connectionList))
                : throw ApiException.NotFound("Connection", id);
        });

        api.MapGet("/usage/reconciliations", (HttpContext c) => Lists.FromStore(c, s.Store, ReconciliationList));
        api.MapGet("/usage/reconciliations/{id}", (string id) =>
            Responses.Json(s.Store.Get(Collections.UsageReconciliations, id) ?? throw ApiException.NotFound("Reconciliation", id)));
    }

    private static JsonObject Hub(EmulatorServices s, string id) =>
        s.Store.Get(Collections.Hubs, id) ?? throw ApiException.NotFound("Hub", id);

    private static JsonObject Product(EmulatorServices s, string id) =>
        s.Store.Get(Collections.Products, id) ?? throw ApiException.NotFound("Product", id);

    private static JsonObject? ProductRef(EmulatorServices s, string? id) =>
        id is not null && s.Store.Get(Collections.Products, id) is { } product ? Json.Ref(product, "id", "name", "icon") : null;

    // The emulator keeps one version of a product: the current one (Connect numbers versions from 1).
    private static JsonObject Version(JsonObject product)
    {
        product["version"] ??= 1;
        product["latest"] = true;
        return product;
    }
}
