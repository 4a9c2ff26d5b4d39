using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>The tier config request state machine (contract/api-contract.md section 6.2) and its effect on the tier config and on purchases waiting for it.</summary>
internal sealed class TierConfigWorkflow(DocumentStore store, Clock clock)
{
    private static readonly string[] Assignable = ["draft", "pending", "inquiring"];

    public JsonObject Approve(string id, JsonObject body, Caller caller) =>
        Transition(id, "approve", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            var templateBody = body["template"] as JsonObject;
            var templateId = Json.Text(templateBody, "id") ?? Json.Text(body, "template_id");
            var representation = Json.Text(templateBody, "representation");
            if (templateId is null && representation is null)
            {
                throw DomainException.Refused(ErrorCodes.TierTemplate, "template.id (or template.representation) is required.");
            }

            var parameters = Json.Objects(request["params"]).ToList();
            var empty = parameters
                .Where(p => Json.Str(p, "phase") == "fulfillment" && Parameters.IsRequired(p) && Parameters.IsEmpty(p))
                .Select(Json.Id).ToList();
            if (empty.Count > 0)
            {
                throw DomainException.Refused(ErrorCodes.TierRequiredParameter, $"Required fulfillment parameters are empty: {string.Join(", ", empty)}.");
            }

            var productId = Json.Str(request, "configuration.product.id");
            var level = request["configuration"]?["tier_level"]?.GetValue<int>() ?? 1;
            JsonObject rendered;
            if (templateId is not null)
            {
                var template = w.Get(Collections.Templates, templateId);
                if (template is null || Json.Str(template, "product.id") != productId)
                {
                    throw DomainException.Refused(ErrorCodes.TierTemplate, $"Template {templateId} does not exist for product {productId}.");
                }

                if (Json.Str(template, "scope") != $"tier{level}")
                {
                    throw DomainException.Refused(ErrorCodes.TierTemplate,
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
            request["effective_date"] = Json.Text(templateBody, "effective_date") ?? Json.Text(body, "effective_date") ?? now;
            ActivateConfig(w, request, caller, now);
            return "approved";
        });

    public void Inquire(string id, Caller caller) =>
        Transition(id, "inquire", caller, ["pending"], (_, _, _) => "inquiring");

    public void Fail(string id, JsonObject body, Caller caller) =>
        Transition(id, "fail", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            request["reason"] = Json.Text(body, "reason") ?? string.Empty;
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
                : Assignees.From(body, null);
            return Json.Str(request, "status")!;
        });

    public void Unassign(string id, Caller caller) =>
        Transition(id, "unassign", caller, Assignable, (_, request, _) =>
        {
            // An unassigned TCR has no assignee at all (fixture tier_config_request.json; the spec types it as an object).
            request.Remove("assignee");
            return Json.Str(request, "status")!;
        });

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
            config["template"] = new JsonObject
            {
                ["id"] = Json.Str(request, "template.id"),
                ["name"] = Json.Str(request, "template.name"),
                ["representation"] = Json.Str(request, "template.representation"),
            };
        }

        config.Remove("open_request");
        config["events"]!["updated"] = EventStamp.At(now, caller);
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
            if (!TierSetup.TiersReady(w, waiting))
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
        var current = w.Get(Collections.TierConfigRequests, id) ?? throw DomainException.NotFound("Tier config request", id);
        var status = Json.Str(current, "status")!;
        if (!from.Contains(status))
        {
            throw DomainException.Refused(ErrorCodes.TierTransition, $"Tier config request {id} is in status {status}, action {action} is not allowed.");
        }

        var now = clock.Now();
        var request = Json.Clone(current);
        var to = apply(w, request, now);
        request["status"] = to;
        request["events"] ??= new JsonObject();
        request["events"]!["updated"] = EventStamp.At(now, caller);
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
            request["events"]![eventName] = EventStamp.At(now, caller);
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
