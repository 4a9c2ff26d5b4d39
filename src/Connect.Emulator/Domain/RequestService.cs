using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Http;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Fulfillment requests and their assets: creation, parameter updates and the state machine of contract/api-contract.md section 6.1.</summary>
internal sealed class RequestService(DocumentStore store, Clock clock)
{
    private static readonly string[] Editable = ["draft", "tiers_setup", "pending", "inquiring"];
    private static readonly string[] Assignable = ["draft", "tiers_setup", "pending", "inquiring", "scheduled"];

    public JsonObject Get(string id) => store.Get(Collections.Requests, id) ?? throw ApiException.NotFound("Request", id);

    /// <summary>Creates a request; <paramref name="assetId"/> fixes the new asset's id (the demo seed uses it).</summary>
    public JsonObject Create(JsonObject body, Caller caller, string? assetId = null) =>
        store.Write(w => CreateIn(w, body, caller, clock.Now(), assetId));

    private static JsonObject CreateIn(StoreWriter writer, JsonObject body, Caller caller, string now, string? assetId)
    {
        var type = Bodies.String(body, "type") ?? "purchase";
        return type switch
        {
            "purchase" => CreatePurchase(writer, body, caller, now, assetId),
            "change" or "suspend" or "resume" or "cancel" => CreateOnAsset(writer, body, type, caller, now),
            _ => throw ApiException.Invalid($"type: \"{type}\" is not a valid choice."),
        };
    }

    public JsonObject Update(string id, JsonObject body) => store.Write(w =>
    {
        var current = w.Get(Collections.Requests, id) ?? throw ApiException.NotFound("Request", id);
        var status = Json.Str(current, "status");
        if (!Editable.Contains(status))
        {
            throw new ApiException(400, ErrorCodes.RequestNotEditable, $"Request {id} is in status {status} and cannot be updated.");
        }

        var now = clock.Now();
        var request = Json.Clone(current);
        if (body.ContainsKey("note"))
        {
            request["note"] = Bodies.String(body, "note") ?? string.Empty;
        }

        var changed = MergeParameters(w, request, body);
        request["updated"] = now;
        w.Put(Collections.Requests, request);
        if (changed)
        {
            SyncAssetParameters(w, request, now);
        }

        return request;
    });

    /// <summary>Dynamic validation: the request with the body's parameters merged, nothing stored.</summary>
    public JsonObject Validate(string id, JsonObject body) => store.Write(w =>
    {
        var request = Json.Clone(w.Get(Collections.Requests, id) ?? throw ApiException.NotFound("Request", id));
        MergeParameters(w, request, body);
        return request;
    });

    public JsonObject Approve(string id, JsonObject body, Caller caller) =>
        Transition(id, "approve", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            var templateId = Bodies.String(body, "template_id");
            var tile = Bodies.String(body, "activation_tile");
            if (templateId is null && tile is null)
            {
                throw new ApiException(400, ErrorCodes.RequestTemplate, "Either template_id or activation_tile is required.");
            }

            var type = Json.Str(request, "type");
            var parameters = Json.Objects(request["asset"]?["params"]).ToList();
            if (type == "purchase")
            {
                var empty = parameters
                    .Where(p => Json.Str(p, "phase") == "fulfillment" && Catalog.IsRequired(p) && Catalog.IsEmpty(p))
                    .Select(Json.Id).ToList();
                if (empty.Count > 0)
                {
                    throw new ApiException(400, ErrorCodes.RequestRequiredParameter,
                        $"Required fulfillment parameters are empty: {string.Join(", ", empty)}.");
                }
            }

            if (templateId is not null)
            {
                var template = AssetTemplate(w, request, templateId, ErrorCodes.RequestTemplate);
                request["activation_key"] = Templates.Render(Json.Str(template, "body") ?? string.Empty, parameters);
                request["template"] = Json.Ref(template, "id", "name");
            }
            else
            {
                request["activation_key"] = tile;
            }

            request["effective_date"] = Bodies.String(body, "effective_date") ?? now;
            var assetStatus = type switch
            {
                "suspend" => "suspended",
                "cancel" => "terminated",
                _ => "active",
            };
            UpdateAsset(w, request, assetStatus, "approve", caller, now, asset =>
            {
                if (type is "purchase" or "change")
                {
                    asset["items"] = Json.Copy(request["asset"]!["items"]);
                }

                asset["params"] = Json.Copy(request["asset"]!["params"]);
            });
            return "approved";
        });

    public JsonObject Inquire(string id, JsonObject body, Caller caller) =>
        Transition(id, "inquire", caller, ["pending"], (w, request, _) =>
        {
            if (Bodies.String(body, "template_id") is { } templateId)
            {
                var template = w.Get(Collections.Templates, templateId);
                if (template is null || Json.Str(template, "product.id") != Json.Str(request, "asset.product.id"))
                {
                    throw new ApiException(400, ErrorCodes.RequestTemplate,
                        $"Template {templateId} does not exist for product {Json.Str(request, "asset.product.id")}.");
                }

                request["template"] = Json.Ref(template, "id", "name");
            }

            return "inquiring";
        });

    public JsonObject Fail(string id, JsonObject body, Caller caller) =>
        Transition(id, "fail", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            request["reason"] = Bodies.String(body, "reason") ?? string.Empty;
            if (Json.Str(request, "type") == "purchase")
            {
                UpdateAsset(w, request, "rejected", "fail", caller, now, null);
            }

            return "failed";
        });

    public JsonObject Pend(string id, Caller caller) =>
        Transition(id, "pend", caller, ["inquiring"], (_, _, _) => "pending");

    public JsonObject Purchase(string id, Caller caller) =>
        Transition(id, "purchase", caller, ["draft"], (w, request, _) =>
            TierConfigService.TiersReady(w, request) ? "pending" : "tiers_setup");

    public JsonObject Schedule(string id, JsonObject body, Caller caller) =>
        Transition(id, "schedule", caller, ["pending"], (_, request, _) =>
        {
            request["planned_date"] = Bodies.String(body, "planned_date")
                ?? throw ApiException.Invalid("planned_date: This field is required.");
            return "scheduled";
        });

    public JsonObject Revoke(string id, JsonObject body, Caller caller) =>
        Transition(id, "revoke", caller, ["scheduled"], (_, request, _) =>
        {
            request["reason"] = Bodies.String(body, "reason") ?? string.Empty;
            return "revoking";
        });

    public JsonObject Confirm(string id, Caller caller) =>
        Transition(id, "confirm", caller, ["revoking"], (_, _, _) => "revoked");

    public JsonObject Assign(string id, JsonObject body, string? pathAssignee, Caller caller) =>
        Transition(id, "assign", caller, Assignable, (_, request, _) =>
        {
            request["assignee"] = Assignee(body, pathAssignee);
            return Json.Str(request, "status")!;
        });

    public JsonObject Unassign(string id, Caller caller) =>
        Transition(id, "unassign", caller, Assignable, (_, request, _) =>
        {
            request["assignee"] = string.Empty;
            return Json.Str(request, "status")!;
        });

    /// <summary>The markdown of the request's template: the approved activation, else the product's default.</summary>
    public string Render(string id)
    {
        var request = Get(id);
        if (Json.Str(request, "activation_key") is { Length: > 0 } key)
        {
            return key;
        }

        var parameters = Json.Objects(request["asset"]?["params"]);
        var templateId = Json.Str(request, "template.id");
        var template = templateId is null ? null : store.Get(Collections.Templates, templateId);
        template ??= DefaultTemplate(store, Json.Str(request, "asset.product.id"), "asset");
        return template is null ? string.Empty : Templates.Render(Json.Str(template, "body") ?? string.Empty, parameters);
    }

    public IEnumerable<JsonObject> AssetRequests(string assetId)
    {
        _ = store.Get(Collections.Assets, assetId) ?? throw ApiException.NotFound("Asset", assetId);
        return store.Find(Collections.Requests, Indexes.AssetId, assetId)
            .Select(r => new JsonObject
            {
                ["id"] = Json.Id(r),
                ["asset_id"] = assetId,
                ["type"] = Json.Str(r, "type"),
                ["status"] = Json.Str(r, "status"),
                ["created"] = Json.Str(r, "created"),
                ["updated"] = Json.Str(r, "updated"),
                ["events"] = new JsonObject
                {
                    ["created"] = Json.At(Json.Str(r, "created") ?? string.Empty),
                    ["updated"] = Json.At(Json.Str(r, "updated") ?? string.Empty),
                },
                ["assignee"] = Json.Copy(r["assignee"]),
            });
    }

    /// <summary>Creates <paramref name="count"/> purchase requests for a product in one transaction.</summary>
    public IReadOnlyList<string> Generate(string productId, int count, string status, Caller caller) => store.Write(w =>
    {
        var now = clock.Now();
        var product = Catalog.Product(w, productId);
        var items = Catalog.Items(w, productId).ToList();
        var item = items.FirstOrDefault(i => Json.Str(i, "type") != "ppu") ?? items.FirstOrDefault()
            ?? throw ApiException.Invalid($"product_id: Product {productId} has no items.");
        var definitions = Catalog.Parameters(w, productId, "asset").ToList();
        var marketplace = Accounts.Marketplace(w, productId, null);
        var tiers = new JsonObject
        {
            ["customer"] = Accounts.ResolveTier(w, new JsonObject { ["id"] = "TA-0000-0000-0000", ["name"] = "Generated Customer" }, "customer"),
        };
        if (Catalog.TierLevel(product) >= 1 && w.All(Collections.TierConfigs)
                .FirstOrDefault(tc => Json.Str(tc, "product.id") == productId && Json.Str(tc, "status") == "active") is { } config)
        {
            tiers["tier1"] = Json.Copy(config["account"]);
        }

        tiers["tier2"] = new JsonObject();
        var prototype = new JsonObject
        {
            ["status"] = "processing",
            ["product"] = Catalog.ProductRef(product),
            ["connection"] = Accounts.Connection(w, productId, null),
            ["items"] = new JsonArray(Catalog.RequestItem(item, "1", "0")),
            ["tiers"] = tiers,
            ["configuration"] = new JsonObject { ["params"] = new JsonArray() },
            ["marketplace"] = Accounts.MarketplaceRef(marketplace),
            ["contract"] = Accounts.ContractRef(w, productId, Json.Id(marketplace)),
        };
        // Build one request and asset with placeholder ids, serialize them once, then stamp out copies: creating
        // 100,000 requests must take seconds (the benchmark's set-up), so no per-request JSON trees are built.
        const string Digits = "@@DIGITS@@";
        var assetToken = "AS-" + Digits;
        var parameters = new JsonArray();
        foreach (var definition in definitions)
        {
            string? value = null;
            if (Json.Str(definition, "phase") == "ordering")
            {
                value = Catalog.IsUnique(Catalog.RequestParameter(definition, null))
                    ? $"{Json.Str(definition, "name")}-{assetToken}"
                    : $"{Json.Str(definition, "name")} value";
            }

            parameters.Add(Catalog.RequestParameter(definition, value));
        }

        var assetTemplate = BuildAsset(prototype, assetToken, "@@EXTERNAL_ID@@", "@@EXTERNAL_UID@@", parameters, now);
        var requestTemplate = BuildRequest(assetTemplate, "PR-" + Digits + "-001", "purchase", status, now, string.Empty);
        var assetJson = Json.Write(assetTemplate);
        var requestJson = Json.Write(requestTemplate);
        var assetKeys = Indexes.KeysOf(Collections.Assets, assetTemplate);
        var requestKeys = Indexes.KeysOf(Collections.Requests, requestTemplate);
        var ids = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            var assetId = Ids.Asset(w);
            var digits = assetId[3..];
            var externalId = digits.Replace("-", string.Empty, StringComparison.Ordinal);
            var externalUid = Accounts.StableGuid(assetId);
            string Fill(string text) => text
                .Replace(Digits, digits, StringComparison.Ordinal)
                .Replace("@@EXTERNAL_ID@@", externalId, StringComparison.Ordinal)
                .Replace("@@EXTERNAL_UID@@", externalUid, StringComparison.Ordinal);
            var requestId = "PR-" + digits + "-001";
            w.PutRaw(Collections.Assets, assetId, Encoding.UTF8.GetBytes(Fill(assetJson)), "processing",
                [.. assetKeys.Select(k => (k.Index, Fill(k.Key)))]);
            w.PutRaw(Collections.Requests, requestId, Encoding.UTF8.GetBytes(Fill(requestJson)), status,
                [.. requestKeys.Select(k => (k.Index, Fill(k.Key)))]);
            w.Audit(Collections.Requests, requestId, null, status, "create", now, caller.ApiKeyId);
            ids.Add(requestId);
        }

        return ids;
    });

    internal static JsonObject? DefaultTemplate(DocumentStore store, string? productId, string scope) =>
        DefaultTemplate(store.All(Collections.Templates), productId, scope);

    /// <summary>The first fulfillment template of a product for a scope (<c>asset</c>, <c>tier1</c>, <c>tier2</c>).</summary>
    internal static JsonObject? DefaultTemplate(IEnumerable<JsonObject> templates, string? productId, string scope) =>
        templates
            .Where(t => Json.Str(t, "product.id") == productId && Json.Str(t, "scope") == scope
                && (Json.Str(t, "type") ?? "fulfillment") == "fulfillment")
            .OrderBy(t => t["position"]?.GetValue<int>() ?? 0)
            .FirstOrDefault();

    private static JsonObject CreatePurchase(StoreWriter w, JsonObject body, Caller caller, string now, string? assetId)
    {
        var assetBody = body["asset"] as JsonObject ?? throw ApiException.Invalid("asset: This field is required.");
        var itemRefs = Json.Objects(assetBody["items"]).ToList();
        var product = ResolveProduct(w, assetBody, itemRefs);
        var productId = Json.Id(product);
        if (itemRefs.Count == 0)
        {
            throw ApiException.Invalid("asset.items: At least one item is required.");
        }

        var catalogItems = Catalog.Items(w, productId).ToList();
        var items = new JsonArray();
        foreach (var reference in itemRefs)
        {
            var item = Catalog.FindItem(catalogItems, reference)
                ?? throw ApiException.Invalid($"asset.items: Item {Json.Str(reference, "id") ?? Json.Str(reference, "global_id")} does not belong to product {productId}.");
            items.Add(Catalog.RequestItem(item, Catalog.Quantity(reference["quantity"]), "0"));
        }

        var definitions = Catalog.Parameters(w, productId, "asset").ToList();
        var given = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var param in Json.Objects(assetBody["params"]))
        {
            var id = Json.Str(param, "id") ?? throw ApiException.Invalid("asset.params: Every parameter needs an id.");
            if (!definitions.Any(d => Json.Str(d, "name") == id))
            {
                throw new ApiException(400, ErrorCodes.RequestUnknownParameter, $"Parameter {id} does not exist in product {productId}.");
            }

            given[id] = param;
        }

        var parameters = new JsonArray();
        foreach (var definition in definitions)
        {
            var param = Catalog.RequestParameter(definition, null);
            if (given.TryGetValue(Json.Id(param), out var value))
            {
                param["value"] = Bodies.String(value, "value") ?? string.Empty;
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
            ["configuration"] = new JsonObject { ["params"] = new JsonArray() },
            ["marketplace"] = Accounts.MarketplaceRef(marketplace),
            ["contract"] = Accounts.ContractRef(w, productId, Json.Id(marketplace)),
        };
        var asset = BuildAsset(prototype, assetId ?? Ids.Asset(w), Bodies.String(assetBody, "external_id"), Bodies.String(assetBody, "external_uid"), parameters, now);
        CheckUnique(w, asset, parameters);

        // A product with tier configuration waits in tiers_setup until every tier account it names is configured.
        var tiersReady = TierConfigService.EnsureTierConfigs(w, product, asset, caller, now);
        var status = Bodies.String(body, "status") == "draft" ? "draft" : tiersReady ? "pending" : "tiers_setup";
        var request = BuildRequest(w, asset, "purchase", status, now, Bodies.String(body, "note") ?? string.Empty);
        w.Put(Collections.Assets, asset);
        w.Put(Collections.Requests, request);
        w.Audit(Collections.Assets, Json.Id(asset), null, "processing", "create", now, caller.ApiKeyId);
        w.Audit(Collections.Requests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
        ConversationService.Ensure(w, Json.Id(request), status);
        return request;
    }

    private static JsonObject CreateOnAsset(StoreWriter w, JsonObject body, string type, Caller caller, string now)
    {
        var assetId = Json.Str(body, "asset.id") ?? throw ApiException.Invalid("asset.id: This field is required.");
        var asset = w.Get(Collections.Assets, assetId)
            ?? throw new ApiException(400, ErrorCodes.RequestCreate, $"Asset {assetId} does not exist.");
        var assetStatus = Json.Str(asset, "status");
        var allowed = type switch
        {
            "resume" => assetStatus == "suspended",
            "cancel" => assetStatus is "active" or "suspended",
            _ => assetStatus == "active",
        };
        if (!allowed)
        {
            throw new ApiException(400, ErrorCodes.RequestCreate, $"Asset {assetId} is in status {assetStatus}, a {type} request is not allowed.");
        }

        if (w.Find(Collections.Requests, Indexes.AssetId, assetId).FirstOrDefault(r =>
                Catalog.OpenRequestStatuses.Contains(Json.Str(r, "status"))) is { } open)
        {
            throw new ApiException(400, ErrorCodes.RequestCreate, $"Asset {assetId} already has an open request {Json.Id(open)}.");
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
                throw ApiException.Invalid("asset.items: A change request needs the new item quantities.");
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
                    ?? throw ApiException.Invalid($"asset.items: Item {Json.Str(reference, "id") ?? Json.Str(reference, "global_id")} does not belong to product {Json.Str(asset, "product.id")}.");
                items.Add(Catalog.RequestItem(catalogItem, Catalog.Quantity(reference["quantity"]), "0"));
            }
        }

        snapshot["items"] = items;
        var request = BuildRequest(w, snapshot, type, "pending", now, Bodies.String(body, "note") ?? string.Empty);
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

        throw ApiException.Invalid($"asset.product: Product {Json.Str(assetBody, "product.id")} does not exist.");
    }

    private static JsonObject BuildAsset(JsonObject prototype, string assetId, string? externalId, string? externalUid, JsonArray parameters, string now)
    {
        var asset = new JsonObject
        {
            ["id"] = assetId,
            ["status"] = "processing",
            ["external_id"] = externalId ?? assetId[3..].Replace("-", string.Empty, StringComparison.Ordinal),
            ["external_uid"] = externalUid ?? Accounts.StableGuid(assetId),
            ["product"] = Json.Copy(prototype["product"]),
            ["connection"] = Json.Copy(prototype["connection"]),
            ["events"] = new JsonObject { ["created"] = Json.At(now), ["updated"] = Json.At(now) },
            ["items"] = Json.Copy(prototype["items"]),
            ["params"] = parameters,
            ["tiers"] = Json.Copy(prototype["tiers"]),
            ["configuration"] = Json.Copy(prototype["configuration"]),
            ["marketplace"] = Json.Copy(prototype["marketplace"]),
            ["contract"] = Json.Copy(prototype["contract"]),
        };
        return asset;
    }

    private static JsonObject BuildRequest(StoreWriter w, JsonObject asset, string type, string status, string now, string note) =>
        BuildRequest(asset, Ids.Request(w, Json.Id(asset)), type, status, now, note);

    private static JsonObject BuildRequest(JsonObject asset, string id, string type, string status, string now, string note) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["status"] = status,
        ["note"] = note,
        ["reason"] = string.Empty,
        ["created"] = now,
        ["updated"] = now,
        ["effective_date"] = now,
        ["answered"] = false,
        ["assignee"] = string.Empty,
        ["activation_key"] = string.Empty,
        ["external_attributes"] = new JsonObject(),
        ["marketplace"] = Json.Copy(asset["marketplace"]),
        ["contract"] = Json.Copy(asset["contract"]),
        ["asset"] = Json.Clone(asset),
    };

    private JsonObject Transition(
        string id, string action, Caller caller, string[] from, Func<StoreWriter, JsonObject, string, string> apply) => store.Write(w =>
    {
        var current = w.Get(Collections.Requests, id) ?? throw ApiException.NotFound("Request", id);
        var status = Json.Str(current, "status")!;
        if (!from.Contains(status))
        {
            throw new ApiException(400, ErrorCodes.RequestTransition, $"Request {id} is in status {status}, action {action} is not allowed.");
        }

        var now = clock.Now();
        var request = Json.Clone(current);
        var to = apply(w, request, now);
        request["status"] = to;
        request["updated"] = now;
        w.Put(Collections.Requests, request);
        if (to != status)
        {
            w.Audit(Collections.Requests, id, status, to, action, now, caller.ApiKeyId);
            ConversationService.StateChange(w, id, status, to, now);
        }

        return request;
    });

    private static JsonObject AssetTemplate(StoreWriter w, JsonObject request, string templateId, string code)
    {
        var productId = Json.Str(request, "asset.product.id");
        var template = w.Get(Collections.Templates, templateId);
        if (template is null || Json.Str(template, "product.id") != productId)
        {
            throw new ApiException(400, code, $"Template {templateId} does not exist for product {productId}.");
        }

        if (Json.Str(template, "scope") != "asset")
        {
            throw new ApiException(400, code, $"Template {templateId} has scope {Json.Str(template, "scope")}, an asset template is required.");
        }

        return template;
    }

    private static void UpdateAsset(StoreWriter w, JsonObject request, string status, string action, Caller caller, string now, Action<JsonObject>? change)
    {
        var assetId = Json.Str(request, "asset.id")!;
        var current = w.Get(Collections.Assets, assetId);
        if (current is null)
        {
            return;
        }

        var asset = Json.Clone(current);
        var from = Json.Str(asset, "status");
        asset["status"] = status;
        asset["events"] ??= new JsonObject();
        asset["events"]!["updated"] = Json.At(now);
        change?.Invoke(asset);
        w.Put(Collections.Assets, asset);
        request["asset"]!["status"] = status;
        if (from != status)
        {
            w.Audit(Collections.Assets, assetId, from, status, $"request:{action}", now, caller.ApiKeyId);
        }
    }

    private static bool MergeParameters(StoreWriter w, JsonObject request, JsonObject body)
    {
        if (body["asset"] is not JsonObject assetBody || assetBody["params"] is not JsonArray changes)
        {
            return false;
        }

        var requestId = Json.Id(request);
        var parameters = Json.Objects(request["asset"]?["params"]).ToDictionary(Json.Id, StringComparer.Ordinal);
        var uniqueChecks = new List<JsonObject>();
        foreach (var change in changes.OfType<JsonObject>())
        {
            var id = Json.Str(change, "id") ?? throw ApiException.Invalid("asset.params: Every parameter needs an id.");
            if (!parameters.TryGetValue(id, out var param))
            {
                throw new ApiException(400, ErrorCodes.RequestUnknownParameter, $"Parameter {id} does not exist in request {requestId}.");
            }

            if (change.ContainsKey("value"))
            {
                param["value"] = Bodies.String(change["value"]) ?? string.Empty;
                uniqueChecks.Add(param);
            }

            if (change.ContainsKey("value_error"))
            {
                param["value_error"] = Bodies.String(change["value_error"]) ?? string.Empty;
            }

            if (change.TryGetPropertyValue("structured_value", out var structured))
            {
                // Processors send "" for "no structured value" (the Python Processor SDK's Subscription Activation use case); only an object or null changes it.
                if (structured is JsonObject obj)
                {
                    param["structured_value"] = obj.DeepClone();
                }
                else if (structured is null)
                {
                    param.Remove("structured_value");
                }
            }
        }

        CheckUnique(w, (JsonObject)request["asset"]!, uniqueChecks);
        return true;
    }

    private static void CheckUnique(StoreWriter w, JsonObject asset, IEnumerable<JsonNode?> parameters)
    {
        var candidates = parameters.OfType<JsonObject>()
            .Where(p => Catalog.IsUnique(p) && !string.IsNullOrEmpty(Json.Str(p, "value"))).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var assetId = Json.Id(asset);
        var productId = Json.Str(asset, "product.id");
        foreach (var param in candidates)
        {
            var key = Indexes.UniqueKey(productId, Json.Id(param), Json.Str(param, "value"));
            if (w.Find(Collections.Assets, Indexes.UniqueValue, key).FirstOrDefault(other =>
                    Json.Id(other) != assetId && Json.Str(other, "status") is not ("terminated" or "rejected")) is { } other)
            {
                throw new ApiException(400, ErrorCodes.RequestUniqueParameter,
                    $"Parameter {Json.Id(param)}: value {Json.Str(param, "value")} is already used by asset {Json.Id(other)}.");
            }
        }
    }

    private static void SyncAssetParameters(StoreWriter w, JsonObject request, string now)
    {
        var assetId = Json.Str(request, "asset.id")!;
        if (w.Get(Collections.Assets, assetId) is not { } current)
        {
            return;
        }

        var asset = Json.Clone(current);
        asset["params"] = Json.Copy(request["asset"]!["params"]);
        asset["events"] ??= new JsonObject();
        asset["events"]!["updated"] = Json.At(now);
        w.Put(Collections.Assets, asset);
    }

    internal static JsonObject Assignee(JsonObject body, string? pathAssignee)
    {
        if (pathAssignee is not null)
        {
            return new JsonObject { ["id"] = pathAssignee, ["name"] = pathAssignee };
        }

        if (Bodies.String(body, "id") is { Length: > 0 } id)
        {
            return new JsonObject { ["id"] = id, ["name"] = id };
        }

        if (Bodies.String(body, "email") is { Length: > 0 } email)
        {
            return new JsonObject { ["id"] = Ids.UserFromText(email), ["name"] = email, ["email"] = email };
        }

        throw ApiException.Invalid("Either id or email is required.");
    }
}
