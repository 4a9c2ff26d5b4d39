using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Connect.Emulator.Store;

namespace Connect.Emulator.Endpoints;

/// <summary>
/// The <c>subscriptions/*</c> routes of the OpenAPI document (relative to <c>/public/v1</c>): assets with the fields the
/// subscriptions module always returns (<c>template</c>, <c>pending_request</c>), and billing requests
/// (<c>subscriptions.BillingRequest</c>, the recurring-billing documents of the subscriptions module: none exist until
/// something creates them, so the demo lists none).
/// </summary>
internal static class SubscriptionsApi
{
    private static readonly ListSpec BillingRequestList = new(Collections.BillingRequests)
    {
        Filterable = ListFilters.BillingRequests,
        SearchFields = ["id", "asset.id", "asset.external_id", "asset.product.id"],
    };

    // subscriptions.Subscription requires template and pending_request, and a pending request's template: the template
    // of the asset's latest approval (or of the open request), else the product's default activation template.
    private static void AddSubscriptionFields(EmulatorServices s, JsonObject asset)
    {
        var fallback = RenderService.DefaultTemplate(s.Store.All(Collections.Templates), Json.Str(asset, "product.id"), "asset") is { } template
            ? Json.Ref(template, "id", "name")
            : null;
        asset["template"] = PublicApi.AssetTemplate(s, Json.Id(asset)) ?? fallback?.DeepClone();
        var pending = PublicApi.PendingRequest(s, Json.Id(asset));
        if (pending is not null)
        {
            pending["template"] ??= fallback?.DeepClone();
        }

        asset["pending_request"] = pending;
    }

    public static void Map(RouteGroupBuilder api, EmulatorServices s)
    {
        var assets = PublicApi.AssetList(s) with
        {
            Scope = "subscriptions",
            Filterable = ListFilters.Subscriptions,
            Hidden = [],
            Computed = new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal) { ["template"] = a => AddSubscriptionFields(s, a) },
            ComputeAlways = true,
        };
        api.MapGet("/subscriptions/assets", (HttpContext c) => Lists.FromStore(c, s.Store, assets));
        api.MapGet("/subscriptions/assets/{id}", (string id) =>
        {
            var asset = s.Store.Get(Collections.Assets, id) ?? throw ApiException.NotFound("Subscription", id);
            AddSubscriptionFields(s, asset);
            return Responses.Json(asset);
        });
        api.MapGet("/subscriptions/requests", (HttpContext c) => Lists.FromStore(c, s.Store, BillingRequestList));
        api.MapGet("/subscriptions/requests/{id}", (string id) =>
            Responses.Json(s.Store.Get(Collections.BillingRequests, id) ?? throw ApiException.NotFound("Billing request", id)));
    }
}
