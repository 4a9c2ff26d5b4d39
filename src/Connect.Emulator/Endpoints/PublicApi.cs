using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Connect.Emulator.Store;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Endpoints;

/// <summary>The Connect public API routes (contract/api-contract.md section 5), relative to <c>/public/v1</c>.</summary>
internal static class PublicApi
{
    private static readonly ListSpec TierConfigList = new(Collections.TierConfigs)
    {
        Filterable = ListFilters.TierConfigs,
        SearchFields = ["id", "name", "account.id", "account.name", "product.id", "product.name"],
    };

    private static readonly ListSpec ConversationList = new(Collections.Conversations)
    {
        Filterable = ListFilters.Conversations,
        Internal = ["messages"],
        SearchFields = ["id", "instance_id", "topic"],
    };

    public static void Map(RouteGroupBuilder api, EmulatorServices services)
    {
        MapRequests(api, services);
        MapAssets(api, services);
        MapTiers(api, services);
        MapCatalog(api, services);
        MapConversations(api, services);
    }

    private static readonly FrozenSet<string> RequestActions = new[]
    {
        "approve", "inquire", "fail", "pend", "purchase", "schedule", "revoke", "confirm", "assign", "unassign", "validate", "render",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TierRequestActions = new[]
    {
        "approve", "submit", "inquire", "fail", "pend", "assign", "unassign", "render",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Hidden-by-default fields the documents do not store are computed from the catalog when selected (contract/api-contract.md section 4.6).
    private static ListSpec RequestList(EmulatorServices s) => new(Collections.Requests)
    {
        Filterable = ListFilters.Requests,
        FilterAliases = ListFilters.RequestAliases,
        Hidden = ["asset.product.capabilities"],
        Computed = new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal)
        {
            ["asset.product.capabilities"] = r => AddCapabilities(s, r["asset"]?["product"]),
        },
        SearchFields = ["id", "asset.id", "asset.external_id", "asset.external_uid", "asset.product.id", "asset.product.name", "asset.tiers.customer.name"],
    };

    internal static ListSpec AssetList(EmulatorServices s) => new(Collections.Assets)
    {
        Filterable = ListFilters.Assets,
        Hidden = ["pending_request", "pending_request.template", "template"],
        Computed = new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal)
        {
            ["pending_request"] = a => a["pending_request"] = PendingRequest(s, Json.Id(a)),
            ["template"] = a => a["template"] = AssetTemplate(s, Json.Id(a)),
        },
        SearchFields = ["id", "external_id", "external_uid", "product.id", "product.name", "tiers.customer.name"],
    };

    private static ListSpec TierRequestList(EmulatorServices s) => new(Collections.TierConfigRequests)
    {
        Filterable = ListFilters.TierConfigRequests,
        Hidden = ["configuration.product.capabilities"],
        Computed = new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal)
        {
            ["configuration.product.capabilities"] = r => AddCapabilities(s, r["configuration"]?["product"]),
        },
        SearchFields = ["id", "configuration.id", "configuration.account.id", "configuration.account.name", "configuration.product.id", "configuration.product.name"],
    };

    private static void AddCapabilities(EmulatorServices s, JsonNode? productRef)
    {
        if (productRef is JsonObject reference && s.Store.Get(Collections.Products, Json.Id(reference)) is { } product)
        {
            reference["capabilities"] = Json.Copy(product["capabilities"]);
        }
    }

    // The asset's open request (the newest one not yet approved, failed or revoked), without its embedded asset.
    internal static JsonObject? PendingRequest(EmulatorServices s, string assetId)
    {
        var open = s.Store.Find(Collections.Requests, Indexes.AssetId, assetId)
            .LastOrDefault(r => Catalog.OpenRequestStatuses.Contains(Json.Str(r, "status")));
        if (open is null)
        {
            return null;
        }

        var copy = Json.Clone(open);
        copy.Remove("asset");
        return copy;
    }

    // The template of the asset's latest approved request that names one.
    internal static JsonNode? AssetTemplate(EmulatorServices s, string assetId) =>
        s.Store.Find(Collections.Requests, Indexes.AssetId, assetId)
            .LastOrDefault(r => Json.Str(r, "status") == "approved" && r["template"] is JsonObject)?["template"]?.DeepClone();

    private static void MapRequests(RouteGroupBuilder api, EmulatorServices s)
    {
        var requests = s.Requests;
        var workflow = s.RequestWorkflow;
        var requestList = RequestList(s);
        api.MapGet("/requests", (HttpContext c) => Lists.FromStore(c, s.Store, requestList));
        api.MapPost("/requests", async Task<IResult> (HttpContext c) =>
            Responses.Json(s.RequestCreation.Create(BodyShapes.RequestCreate.Check(await Body(c).ConfigureAwait(false)), c.GetCaller()), StatusCodes.Status201Created));
        api.MapGet("/requests/{id}", (string id) => Responses.Json(requests.Get(id)));
        api.MapPut("/requests/{id}", async Task<IResult> (HttpContext c, string id) =>
            Responses.Json(requests.Update(id, BodyShapes.RequestUpdate.Check(await Body(c).ConfigureAwait(false)))));
        api.MapGet("/requests/{id}/render", (string id) => Responses.Markdown(s.Render.Request(id)));
        api.MapPost("/requests/{id}/assign/{assignee}", async Task<IResult> (HttpContext c, string id, string assignee) =>
        {
            await Body(c).ConfigureAwait(false);
            return Responses.Json(workflow.Assign(id, [], assignee, c.GetCaller()));
        });
        api.MapPost("/requests/{id}/{action}", async Task<IResult> (HttpContext c, string id, string action) =>
        {
            var body = await Body(c).ConfigureAwait(false);
            (action switch
            {
                "approve" => BodyShapes.RequestApprove,
                "inquire" => BodyShapes.RequestInquire,
                "fail" or "revoke" => BodyShapes.Reason,
                "schedule" => BodyShapes.RequestSchedule,
                "assign" => BodyShapes.Assign,
                "validate" => BodyShapes.RequestUpdate,
                _ => null,
            })?.Check(body);
            var caller = c.GetCaller();
            return Responses.Json(action switch
            {
                "approve" => workflow.Approve(id, body, caller),
                "inquire" => workflow.Inquire(id, body, caller),
                "fail" => workflow.Fail(id, body, caller),
                "pend" => workflow.Pend(id, caller),
                "purchase" => workflow.Purchase(id, caller),
                "schedule" => workflow.Schedule(id, body, caller),
                "revoke" => workflow.Revoke(id, body, caller),
                "confirm" => workflow.Confirm(id, caller),
                "assign" => workflow.Assign(id, body, null, caller),
                "unassign" => workflow.Unassign(id, caller),
                "validate" => requests.Validate(id, body),
                _ => throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Action {action} does not exist."),
            });
        });
        ActionRoutes.MapFallback(api, "/requests/{id}/{action}", RequestActions);
    }

    private static void MapAssets(RouteGroupBuilder api, EmulatorServices s)
    {
        var assetList = AssetList(s);
        api.MapGet("/assets", (HttpContext c) => Lists.FromStore(c, s.Store, assetList));
        api.MapGet("/assets/{id}", (string id) =>
            Responses.Json(s.Store.Get(Collections.Assets, id) ?? throw ApiException.NotFound("Asset", id)));
        api.MapGet("/assets/{id}/requests", (HttpContext c, string id) =>
            Lists.FromDocuments(c, s.Requests.AssetRequests(id), new ListSpec(Collections.Requests) { Filterable = ListFilters.AssetRequests }));
        api.MapGet("/assets/{id}/render", (string id) => Responses.Markdown(s.Render.Asset(id)));
    }

    private static void MapTiers(RouteGroupBuilder api, EmulatorServices s)
    {
        var tiers = s.Tiers;
        var tierWorkflow = s.TierWorkflow;
        var tierRequestList = TierRequestList(s);
        api.MapGet("/tier/config-requests", (HttpContext c) => Lists.FromStore(c, s.Store, tierRequestList));
        api.MapPost("/tier/config-requests", async Task<IResult> (HttpContext c) =>
            Responses.Json(tiers.Create(BodyShapes.TierCreate.Check(await Body(c).ConfigureAwait(false)), c.GetCaller()), StatusCodes.Status201Created));
        api.MapGet("/tier/config-requests/{id}", (string id) => Responses.Json(tiers.Get(id)));
        api.MapPut("/tier/config-requests/{id}", async Task<IResult> (HttpContext c, string id) =>
            Responses.Json(tiers.Update(id, BodyShapes.TierUpdate.Check(await Body(c).ConfigureAwait(false)), c.GetCaller())));
        api.MapGet("/tier/config-requests/{id}/render", (string id) => Responses.Markdown(s.Render.TierConfigRequest(id)));
        api.MapPost("/tier/config-requests/{id}/{action}", async Task<IResult> (HttpContext c, string id, string action) =>
        {
            var body = await Body(c).ConfigureAwait(false);
            (action switch
            {
                "approve" => BodyShapes.TierApprove,
                "fail" => BodyShapes.Reason,
                "assign" => BodyShapes.Assign,
                _ => null,
            })?.Check(body);
            var caller = c.GetCaller();
            switch (action)
            {
                case "approve":
                    return Responses.Json(tierWorkflow.Approve(id, body, caller));
                case "submit":
                    return Responses.Json(tierWorkflow.Submit(id, caller));
                case "inquire":
                    tierWorkflow.Inquire(id, caller);
                    break;
                case "fail":
                    tierWorkflow.Fail(id, body, caller);
                    break;
                case "pend":
                    tierWorkflow.Pend(id, caller);
                    break;
                case "assign":
                    tierWorkflow.Assign(id, body, caller);
                    break;
                case "unassign":
                    tierWorkflow.Unassign(id, caller);
                    break;
                default:
                    throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Action {action} does not exist.");
            }

            return Responses.NoContent();
        });
        ActionRoutes.MapFallback(api, "/tier/config-requests/{id}/{action}", TierRequestActions);
        api.MapGet("/tier/configs", (HttpContext c) => Lists.FromStore(c, s.Store, TierConfigList));
        api.MapGet("/tier/configs/{id}", (string id) => Responses.Json(tiers.GetConfig(id)));
        api.MapGet("/tier/configs/{id}/render", (string id) => Responses.Markdown(s.Render.TierConfig(id)));
        MapSimple(api, s, "/tier/accounts", Collections.TierAccounts, ListFilters.TierAccounts, "Tier account", ["id", "name", "external_id", "external_uid"]);
    }

    private static void MapCatalog(RouteGroupBuilder api, EmulatorServices s)
    {
        MapSimple(api, s, "/products", Collections.Products, ListFilters.Products, "Product", ["id", "name"]);
        MapSimple(api, s, "/marketplaces", Collections.Marketplaces, ListFilters.Marketplaces, "Marketplace", ["id", "name"]);
        MapSimple(api, s, "/accounts", Collections.Accounts, ListFilters.Accounts, "Account", ["id", "name"]);
        MapSimple(api, s, "/contracts", Collections.Contracts, ListFilters.Contracts, "Contract", ["id", "name"]);
        MapSimple(api, s, "/listings", Collections.Listings, ListFilters.Listings, "Listing", ["id", "product.id", "product.name"]);

        MapProductChild(api, s, "templates", Collections.Templates, "Template", ListFilters.ProductTemplates);
        MapProductChild(api, s, "items", Collections.Items, "Item", ListFilters.ProductItems);
        MapProductChild(api, s, "parameters", Collections.Parameters, "Parameter", ListFilters.ProductParameters);

        api.MapGet("/products/{productId}/configurations", (HttpContext c, string productId) =>
        {
            _ = s.Store.Get(Collections.Products, productId) ?? throw ApiException.NotFound("Product", productId);
            return Lists.FromDocuments(c, ProductConfigurations(s, productId), new ListSpec("product_configurations")
            {
                Filterable = ListFilters.ProductConfigurations,
                SearchFields = ["parameter.id", "parameter.name", "item.id", "item.name", "marketplace.id", "marketplace.name", "value"],
            });
        });

        api.MapGet("/products/{productId}/templates/{id}/render", (HttpContext c, string productId, string id) =>
        {
            var template = ProductChild(s, Collections.Templates, "Template", productId, id);
            return Responses.Json(JsonValue.Create(s.Render.Template(template, c.Request.Query["request_id"].ToString())));
        });

        // Legacy render used by the old SDKs (contract/api-contract.md section 5.4): markdown text.
        api.MapGet("/templates/{id}/render", (HttpContext c, string id) =>
        {
            var template = s.Store.Get(Collections.Templates, id) ?? throw ApiException.NotFound("Template", id);
            var requestId = c.Request.Query["request_id"].ToString();
            if (string.IsNullOrEmpty(requestId))
            {
                throw ApiException.Invalid("request_id: This query parameter is required.");
            }

            return Responses.Markdown(s.Render.Template(template, requestId));
        });
    }

    private static void MapConversations(RouteGroupBuilder api, EmulatorServices s)
    {
        api.MapGet("/conversations", (HttpContext c) =>
        {
            if (c.Request.Query["instance_id"].ToString() is { Length: > 0 } instance)
            {
                s.Conversations.EnsureFor(instance);
            }

            return Lists.FromStore(c, s.Store, ConversationList);
        });
        api.MapGet("/conversations/{id}", (string id) => Responses.Json(s.Conversations.Get(id)));
        api.MapGet("/conversations/{id}/messages", (HttpContext c, string id) =>
            Lists.FromDocuments(c, Json.Objects(s.Conversations.Get(id)["messages"]), new ListSpec("messages") { Filterable = ListFilters.ConversationMessages, SearchFields = ["text"] }));
        api.MapPost("/conversations/{id}/close", async Task<IResult> (HttpContext c, string id) =>
        {
            await Body(c).ConfigureAwait(false);
            return Responses.Json(s.Conversations.Close(id));
        });
        api.MapPost("/conversations/{id}/messages", async Task<IResult> (HttpContext c, string id) =>
            Responses.Json(s.Conversations.AddMessage(id, BodyShapes.ConversationMessage.Check(await Body(c).ConfigureAwait(false)), c.GetCaller()), StatusCodes.Status201Created));
    }

    private static void MapSimple(RouteGroupBuilder api, EmulatorServices s, string path, string collection, IReadOnlySet<string> filterable, string noun, string[] searchFields)
    {
        var spec = new ListSpec(collection) { Filterable = filterable, SearchFields = searchFields };
        api.MapGet(path, (HttpContext c) => Lists.FromStore(c, s.Store, spec));
        api.MapGet(path + "/{id}", (string id) =>
            Responses.Json(s.Store.Get(collection, id) ?? throw ApiException.NotFound(noun, id)));
    }

    private static void MapProductChild(RouteGroupBuilder api, EmulatorServices s, string segment, string collection, string noun, IReadOnlySet<string> filterable)
    {
        api.MapGet($"/products/{{productId}}/{segment}", (HttpContext c, string productId) =>
        {
            _ = s.Store.Get(Collections.Products, productId) ?? throw ApiException.NotFound("Product", productId);
            return Lists.FromStore(c, s.Store, new ListSpec(collection)
            {
                Scope = productId,
                Filterable = filterable,
                Prefilter = d => Json.Str(d, "product.id") == productId,
                Internal = ["product"],
                SearchFields = ["id", "name", "title", "mpn", "display_name"],
            });
        });
        api.MapGet($"/products/{{productId}}/{segment}/{{id}}", (string productId, string id) =>
        {
            var child = (JsonObject)ProductChild(s, collection, noun, productId, id).DeepClone();
            child.Remove("product");
            return Responses.Json(child);
        });
    }

    // OpenAPI v37 dp.ConfigurationDataRead: one row per configuration-phase parameter and, by its scope, per product item
    // (item, item_marketplace) and per marketplace the product is listed on (marketplace, item_marketplace).
    private static IEnumerable<JsonObject> ProductConfigurations(EmulatorServices s, string productId)
    {
        var items = s.Store.All(Collections.Items).Where(i => Json.Str(i, "product.id") == productId)
            .Select(i => (JsonObject?)new JsonObject { ["id"] = Json.Id(i), ["name"] = Json.Str(i, "name") ?? Json.Str(i, "display_name") })
            .ToList();
        var marketplaces = s.Store.All(Collections.Listings).Where(l => Json.Str(l, "product.id") == productId)
            .Select(l => l["marketplace"] as JsonObject).OfType<JsonObject>()
            .DistinctBy(Json.Id)
            .Select(m => (JsonObject?)Json.Ref(m, "id", "name", "icon")).ToList();
        JsonObject?[] none = [null];
        var parameters = s.Store.All(Collections.Parameters)
            .Where(p => Json.Str(p, "product.id") == productId && Json.Str(p, "phase") == "configuration")
            .OrderBy(p => p["position"]?.GetValue<int>() ?? 0);
        foreach (var parameter in parameters)
        {
            var scope = Json.Str(parameter, "scope");
            IReadOnlyList<JsonObject?> itemAxis = scope is "item" or "item_marketplace" ? items : none;
            IReadOnlyList<JsonObject?> marketplaceAxis = scope is "marketplace" or "item_marketplace" ? marketplaces : none;
            var definition = Json.Clone(parameter);
            definition.Remove("product");
            definition.Remove("value");
            definition.Remove("structured_value");
            foreach (var item in itemAxis)
            {
                foreach (var marketplace in marketplaceAxis)
                {
                    var row = new JsonObject
                    {
                        ["value"] = Json.Str(parameter, "value"),
                        ["structured_value"] = parameter["structured_value"] is JsonObject structured ? structured.DeepClone() : new JsonObject(),
                        ["parameter"] = definition.DeepClone(),
                    };
                    if (item is not null)
                    {
                        row["item"] = item.DeepClone();
                    }

                    if (marketplace is not null)
                    {
                        row["marketplace"] = marketplace.DeepClone();
                    }

                    row["events"] = Json.Copy(parameter["events"]);
                    yield return row;
                }
            }
        }
    }

    private static JsonObject ProductChild(EmulatorServices s, string collection, string noun, string productId, string id)
    {
        _ = s.Store.Get(Collections.Products, productId) ?? throw ApiException.NotFound("Product", productId);
        var child = s.Store.Get(collection, id);
        return child is not null && Json.Str(child, "product.id") == productId ? child : throw ApiException.NotFound(noun, id);
    }

    private static Task<JsonObject> Body(HttpContext context) => Bodies.ReadObjectAsync(context.Request, context.RequestAborted);
}
