using System.Text.Json.Nodes;
using Connect.Emulator.Http;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Tier configurations and tier config requests: creation, parameter updates and the state machine of contract/api-contract.md section 6.2.</summary>
internal sealed class TierConfigService(DocumentStore store, Clock clock)
{
    private static readonly string[] Editable = ["draft", "pending", "inquiring"];
    private static readonly string[] Assignable = ["draft", "pending", "inquiring"];

    public JsonObject Get(string id) =>
        store.Get(Collections.TierConfigRequests, id) ?? throw ApiException.NotFound("Tier config request", id);

    public JsonObject GetConfig(string id) =>
        store.Get(Collections.TierConfigs, id) ?? throw ApiException.NotFound("Tier config", id);

    /// <summary>
    /// Makes sure every tier account of a new asset has a tier config for its product, creating a setup TCR where one
    /// is missing. True when all of them are already active (the purchase can go to <c>pending</c>).
    /// </summary>
    public static bool EnsureTierConfigs(StoreWriter w, JsonObject product, JsonObject asset, Caller caller, string now)
    {
        var ready = true;
        for (var level = 1; level <= Catalog.TierLevel(product); level++)
        {
            if (asset["tiers"]?[$"tier{level}"] is not JsonObject { Count: > 0 } account)
            {
                continue;
            }

            var config = FindConfig(w, Json.Id(product), Json.Id(account), level)
                ?? CreateSetup(w, product, account, level, asset, "pending", caller, now).Config;
            ready &= Json.Str(config, "status") == "active";
        }

        return ready;
    }

    /// <summary>True when every tier account a request's asset names has an active tier config.</summary>
    public static bool TiersReady(StoreWriter w, JsonObject request)
    {
        var productId = Json.Str(request, "asset.product.id");
        var product = productId is null ? null : w.Get(Collections.Products, productId);
        if (product is null)
        {
            return true;
        }

        for (var level = 1; level <= Catalog.TierLevel(product); level++)
        {
            if (request["asset"]?["tiers"]?[$"tier{level}"] is JsonObject { Count: > 0 } account
                && Json.Str(FindConfig(w, productId!, Json.Id(account), level), "status") != "active")
            {
                return false;
            }
        }

        return true;
    }

    public JsonObject Create(JsonObject body, Caller caller) => store.Write(w =>
    {
        var now = clock.Now();
        var configuration = body["configuration"] as JsonObject ?? throw ApiException.Invalid("configuration: This field is required.");
        var status = Bodies.String(body, "status") == "draft" ? "draft" : "pending";
        if (Json.Str(configuration, "id") is { } configId)
        {
            var config = w.Get(Collections.TierConfigs, configId)
                ?? throw new ApiException(400, ErrorCodes.TierCreate, $"Tier config {configId} does not exist.");
            if (Json.Str(config, "open_request.id") is { } open)
            {
                throw new ApiException(400, ErrorCodes.TierCreate, $"Tier config {configId} already has an open request {open}.");
            }

            var type = Json.Str(config, "status") == "active" ? (Bodies.String(body, "type") ?? "update") : "setup";
            var request = NewRequest(w, config, type, status, now);
            MergeParameters(request, body, Json.Id(request));
            if (body.ContainsKey("notes"))
            {
                request["notes"] = Bodies.String(body, "notes") ?? string.Empty;
            }

            var updatedConfig = Json.Clone(config);
            updatedConfig["open_request"] = new JsonObject { ["id"] = Json.Id(request) };
            w.Put(Collections.TierConfigs, updatedConfig);
            w.Put(Collections.TierConfigRequests, request);
            w.Audit(Collections.TierConfigRequests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
            ConversationService.Ensure(w, Json.Id(request), status);
            return request;
        }

        var product = Catalog.Product(w, Json.Str(configuration, "product.id"));
        var level = configuration["tier_level"] is JsonValue v && v.TryGetValue<int>(out var l) ? l : 1;
        if (level < 1 || level > 2)
        {
            throw ApiException.Invalid("configuration.tier_level: Must be 1 or 2.");
        }

        var account = Accounts.ResolveTier(w, configuration["account"], $"tier{level}")
            ?? throw ApiException.Invalid("configuration.account: This field is required.");
        if (FindConfig(w, Json.Id(product), Json.Id(account), level) is { } existing)
        {
            throw new ApiException(400, ErrorCodes.TierCreate,
                $"Tier config {Json.Id(existing)} already exists for account {Json.Id(account)} and product {Json.Id(product)}.");
        }

        var template = new JsonObject
        {
            ["connection"] = Accounts.Connection(w, Json.Id(product), Json.Str(configuration, "connection.id")),
        };
        var marketplace = Accounts.Marketplace(w, Json.Id(product), Json.Str(configuration, "marketplace.id"));
        template["marketplace"] = Accounts.MarketplaceRef(marketplace);
        template["contract"] = Accounts.ContractRef(w, Json.Id(product), Json.Id(marketplace));
        var (_, created) = CreateSetup(w, product, account, level, template, status, caller, now);
        MergeParameters(created, body, Json.Id(created));
        w.Put(Collections.TierConfigRequests, created);
        return created;
    });

    public JsonObject Update(string id, JsonObject body) => store.Write(w =>
    {
        var current = w.Get(Collections.TierConfigRequests, id) ?? throw ApiException.NotFound("Tier config request", id);
        var status = Json.Str(current, "status");
        if (!Editable.Contains(status))
        {
            throw new ApiException(400, ErrorCodes.TierNotEditable, $"Tier config request {id} is in status {status} and cannot be updated.");
        }

        var request = Json.Clone(current);
        MergeParameters(request, body, id);
        if (body.ContainsKey("notes"))
        {
            request["notes"] = Bodies.String(body, "notes") ?? string.Empty;
        }

        request["events"] ??= new JsonObject();
        request["events"]!["updated"] = Json.At(clock.Now());
        w.Put(Collections.TierConfigRequests, request);
        return request;
    });

    public JsonObject Approve(string id, JsonObject body, Caller caller) =>
        Transition(id, "approve", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            var templateBody = body["template"] as JsonObject;
            var templateId = Bodies.String(templateBody, "id") ?? Bodies.String(body, "template_id");
            var representation = Bodies.String(templateBody, "representation");
            if (templateId is null && representation is null)
            {
                throw new ApiException(400, ErrorCodes.TierTemplate, "template.id (or template.representation) is required.");
            }

            var parameters = Json.Objects(request["params"]).ToList();
            var empty = parameters
                .Where(p => Json.Str(p, "phase") == "fulfillment" && Catalog.IsRequired(p) && Catalog.IsEmpty(p))
                .Select(Json.Id).ToList();
            if (empty.Count > 0)
            {
                throw new ApiException(400, ErrorCodes.TierRequiredParameter, $"Required fulfillment parameters are empty: {string.Join(", ", empty)}.");
            }

            var productId = Json.Str(request, "configuration.product.id");
            var level = request["configuration"]?["tier_level"]?.GetValue<int>() ?? 1;
            JsonObject rendered;
            if (templateId is not null)
            {
                var template = w.Get(Collections.Templates, templateId);
                if (template is null || Json.Str(template, "product.id") != productId)
                {
                    throw new ApiException(400, ErrorCodes.TierTemplate, $"Template {templateId} does not exist for product {productId}.");
                }

                if (Json.Str(template, "scope") != $"tier{level}")
                {
                    throw new ApiException(400, ErrorCodes.TierTemplate,
                        $"Template {templateId} has scope {Json.Str(template, "scope")}, a tier{level} template is required.");
                }

                rendered = new JsonObject
                {
                    ["id"] = templateId,
                    ["name"] = Json.Str(template, "name"),
                    ["representation"] = Templates.Render(Json.Str(template, "body") ?? string.Empty, parameters),
                };
            }
            else
            {
                rendered = new JsonObject { ["representation"] = representation };
            }

            request["template"] = rendered;
            request["effective_date"] = Bodies.String(templateBody, "effective_date") ?? Bodies.String(body, "effective_date") ?? now;
            ActivateConfig(w, request, caller, now);
            return "approved";
        });

    public void Inquire(string id, Caller caller) =>
        Transition(id, "inquire", caller, ["pending"], (_, _, _) => "inquiring");

    public void Fail(string id, JsonObject body, Caller caller) =>
        Transition(id, "fail", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            request["reason"] = Bodies.String(body, "reason") ?? string.Empty;
            CloseOpenRequest(w, request, now);
            return "failed";
        });

    public void Pend(string id, Caller caller) =>
        Transition(id, "pend", caller, ["inquiring"], (_, _, _) => "pending");

    public JsonObject Submit(string id, Caller caller) =>
        Transition(id, "submit", caller, ["draft"], (_, _, _) => "pending");

    public void Assign(string id, JsonObject body, Caller caller) =>
        Transition(id, "assign", caller, Assignable, (_, request, _) =>
        {
            // Legacy clients post no body: assign to the caller.
            request["assignee"] = body.Count == 0
                ? new JsonObject { ["id"] = caller.ApiKeyId, ["name"] = caller.ApiKeyId }
                : RequestService.Assignee(body, null);
            return Json.Str(request, "status")!;
        });

    public void Unassign(string id, Caller caller) =>
        Transition(id, "unassign", caller, Assignable, (_, request, _) =>
        {
            // An unassigned TCR has no assignee at all (fixture tier_config_request.json; the spec types it as an object).
            request.Remove("assignee");
            return Json.Str(request, "status")!;
        });

    public string Render(string id)
    {
        var request = Get(id);
        if (Json.Str(request, "template.representation") is { Length: > 0 } representation)
        {
            return representation;
        }

        var level = request["configuration"]?["tier_level"]?.GetValue<int>() ?? 1;
        var templateId = Json.Str(request, "template.id");
        var template = templateId is null ? null : store.Get(Collections.Templates, templateId);
        template ??= RequestService.DefaultTemplate(store, Json.Str(request, "configuration.product.id"), $"tier{level}");
        return template is null ? string.Empty : Templates.Render(Json.Str(template, "body") ?? string.Empty, Json.Objects(request["params"]));
    }

    internal static JsonObject? FindConfig(StoreWriter w, string productId, string accountId, int level) =>
        w.All(Collections.TierConfigs).FirstOrDefault(tc =>
            Json.Str(tc, "product.id") == productId && Json.Str(tc, "account.id") == accountId
            && (tc["tier_level"]?.GetValue<int>() ?? 1) == level);

    /// <summary>Creates a tier config in <c>processing</c> and its setup request.</summary>
    internal static (JsonObject Config, JsonObject Request) CreateSetup(
        StoreWriter w, JsonObject product, JsonObject account, int level, JsonObject source, string status, Caller caller, string now)
    {
        var configId = Ids.TierConfig(w);
        var parameters = new JsonArray([.. Catalog.Parameters(w, Json.Id(product), $"tier{level}").Select(d => (JsonNode)Catalog.RequestParameter(d, null))]);
        var config = new JsonObject
        {
            ["id"] = configId,
            ["name"] = $"Configuration of {Json.Id(account)}",
            ["account"] = Json.Clone(account),
            ["product"] = Catalog.ProductRef(product),
            ["tier_level"] = level,
            ["connection"] = Json.Copy(source["connection"]),
            ["events"] = new JsonObject { ["created"] = Json.At(now), ["updated"] = Json.At(now) },
            ["params"] = parameters,
            ["status"] = "processing",
            ["configuration"] = new JsonObject { ["params"] = new JsonArray() },
            ["contract"] = Json.Copy(source["contract"]),
            ["marketplace"] = Json.Copy(source["marketplace"]),
        };
        var request = NewRequest(w, config, "setup", status, now);
        config["open_request"] = new JsonObject { ["id"] = Json.Id(request) };
        w.Put(Collections.TierConfigs, config);
        w.Put(Collections.TierConfigRequests, request);
        w.Audit(Collections.TierConfigs, configId, null, "processing", "create", now, caller.ApiKeyId);
        w.Audit(Collections.TierConfigRequests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
        ConversationService.Ensure(w, Json.Id(request), status);
        return (config, request);
    }

    private static JsonObject NewRequest(StoreWriter w, JsonObject config, string type, string status, string now)
    {
        var snapshot = Json.Clone(config);
        snapshot.Remove("open_request");
        var level = config["tier_level"]?.GetValue<int>() ?? 1;
        var request = new JsonObject
        {
            ["id"] = Ids.TierConfigRequest(w, Json.Id(config)),
            ["type"] = type,
            ["status"] = status,
            ["configuration"] = snapshot,
            ["params"] = Json.Copy(config["params"]),
            ["reason"] = string.Empty,
            ["notes"] = string.Empty,
            ["environment"] = Json.Str(config, "connection.type") ?? "preview",
            ["effective_date"] = now,
            ["created"] = now,
            ["tiers"] = new JsonObject
            {
                ["tier1"] = level == 1 ? Json.Copy(config["account"]) : null,
                ["tier2"] = level == 2 ? Json.Copy(config["account"]) : null,
            },
            ["events"] = new JsonObject { ["created"] = Json.At(now), ["updated"] = Json.At(now) },
        };

        // Until approval, a TCR references the template it will be approved with: the product's tier template
        // (fixture tier_config_request.json: a pending TCR carries template {id, name}). No assignee while unassigned.
        if (RequestService.DefaultTemplate(w.All(Collections.Templates), Json.Str(config, "product.id"), $"tier{level}") is { } template)
        {
            request["template"] = Json.Ref(template, "id", "name");
        }

        return request;
    }

    private static void MergeParameters(JsonObject request, JsonObject body, string requestId)
    {
        if (body["params"] is not JsonArray changes)
        {
            return;
        }

        var parameters = Json.Objects(request["params"]).ToDictionary(Json.Id, StringComparer.Ordinal);
        foreach (var change in changes.OfType<JsonObject>())
        {
            var id = Json.Str(change, "id") ?? throw ApiException.Invalid("params: Every parameter needs an id.");
            if (!parameters.TryGetValue(id, out var param))
            {
                throw new ApiException(400, ErrorCodes.TierUnknownParameter, $"Parameter {id} does not exist in tier config request {requestId}.");
            }

            if (change.ContainsKey("value"))
            {
                param["value"] = Bodies.String(change["value"]) ?? string.Empty;
            }

            if (change.ContainsKey("value_error"))
            {
                param["value_error"] = Bodies.String(change["value_error"]) ?? string.Empty;
            }

            if (change.TryGetPropertyValue("structured_value", out var structured))
            {
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
    }

    private static void ActivateConfig(StoreWriter w, JsonObject request, Caller caller, string now)
    {
        var configId = Json.Str(request, "configuration.id")!;
        if (w.Get(Collections.TierConfigs, configId) is not { } current)
        {
            return;
        }

        var config = Json.Clone(current);
        var from = Json.Str(config, "status");
        config["status"] = "active";
        var parameters = Json.Copy(request["params"]) as JsonArray ?? [];
        foreach (var param in parameters.OfType<JsonObject>())
        {
            param["value_error"] = string.Empty;
        }

        config["params"] = parameters;
        if (Json.Str(request, "template.id") is not null)
        {
            config["template"] = new JsonObject { ["id"] = Json.Str(request, "template.id"), ["name"] = Json.Str(request, "template.name") };
        }

        config.Remove("open_request");
        config["events"]!["updated"] = Json.At(now);
        w.Put(Collections.TierConfigs, config);
        var snapshot = Json.Clone(config);
        request["configuration"] = snapshot;
        if (from != "active")
        {
            w.Audit(Collections.TierConfigs, configId, from, "active", "tier_config_request:approve", now, caller.ApiKeyId);
        }

        // Purchases waiting for this account's tier setup move on once all their tiers are configured.
        var productId = Json.Str(config, "product.id");
        var accountId = Json.Str(config, "account.id");
        var level = config["tier_level"]?.GetValue<int>() ?? 1;
        foreach (var waiting in w.Find(Collections.Requests, Indexes.Status, "tiers_setup").Where(r =>
                     Json.Str(r, "asset.product.id") == productId
                     && Json.Str(r, $"asset.tiers.tier{level}.id") == accountId).ToList())
        {
            if (!TiersReady(w, waiting))
            {
                continue;
            }

            var released = Json.Clone(waiting);
            released["status"] = "pending";
            released["updated"] = now;
            w.Put(Collections.Requests, released);
            w.Audit(Collections.Requests, Json.Id(released), "tiers_setup", "pending", "tier_config_request:approve", now, caller.ApiKeyId);
            ConversationService.StateChange(w, Json.Id(released), "tiers_setup", "pending", now);
        }
    }

    private static void CloseOpenRequest(StoreWriter w, JsonObject request, string now)
    {
        var configId = Json.Str(request, "configuration.id")!;
        if (w.Get(Collections.TierConfigs, configId) is { } current && Json.Str(current, "open_request.id") == Json.Id(request))
        {
            var config = Json.Clone(current);
            config.Remove("open_request");
            config["events"]!["updated"] = Json.At(now);
            w.Put(Collections.TierConfigs, config);
        }
    }

    private JsonObject Transition(
        string id, string action, Caller caller, string[] from, Func<StoreWriter, JsonObject, string, string> apply) => store.Write(w =>
    {
        var current = w.Get(Collections.TierConfigRequests, id) ?? throw ApiException.NotFound("Tier config request", id);
        var status = Json.Str(current, "status")!;
        if (!from.Contains(status))
        {
            throw new ApiException(400, ErrorCodes.TierTransition, $"Tier config request {id} is in status {status}, action {action} is not allowed.");
        }

        var now = clock.Now();
        var request = Json.Clone(current);
        var to = apply(w, request, now);
        request["status"] = to;
        request["events"] ??= new JsonObject();
        request["events"]!["updated"] = Json.At(now);
        var eventName = action switch
        {
            "approve" => "approved",
            "inquire" => "inquired",
            "pend" => "pended",
            "fail" => "failed",
            _ => null,
        };
        if (eventName is not null)
        {
            request["events"]![eventName] = new JsonObject { ["at"] = now, ["by"] = new JsonObject { ["id"] = caller.ApiKeyId, ["name"] = caller.ApiKeyId } };
        }

        w.Put(Collections.TierConfigRequests, request);
        if (to != status)
        {
            w.Audit(Collections.TierConfigRequests, id, status, to, action, now, caller.ApiKeyId);
            ConversationService.StateChange(w, id, status, to, now);
        }

        return request;
    });
}
