using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>The fulfillment request state machine (contract/api-contract.md section 6.1): every action, its allowed source statuses and its effect on the asset.</summary>
internal sealed class RequestWorkflow(DocumentStore store, Clock clock)
{
    private static readonly string[] Assignable = ["draft", "tiers_setup", "pending", "inquiring", "scheduled"];

    public JsonObject Approve(string id, JsonObject body, Caller caller) =>
        Transition(id, "approve", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            var templateId = Json.Text(body, "template_id");
            var tile = Json.Text(body, "activation_tile");
            if (templateId is null && tile is null)
            {
                throw DomainException.Refused(ErrorCodes.RequestTemplate, "Either template_id or activation_tile is required.");
            }

            var type = Json.Str(request, "type");
            var parameters = Json.Objects(request["asset"]?["params"]).ToList();
            if (type == "purchase")
            {
                var empty = parameters
                    .Where(p => Json.Str(p, "phase") == "fulfillment" && Parameters.IsRequired(p) && Parameters.IsEmpty(p))
                    .Select(Json.Id).ToList();
                if (empty.Count > 0)
                {
                    throw DomainException.Refused(ErrorCodes.RequestRequiredParameter,
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

            request["effective_date"] = Json.Text(body, "effective_date") ?? now;
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
            if (Json.Text(body, "template_id") is { } templateId)
            {
                var template = w.Get(Collections.Templates, templateId);
                if (template is null || Json.Str(template, "product.id") != Json.Str(request, "asset.product.id"))
                {
                    throw DomainException.Refused(ErrorCodes.RequestTemplate,
                        $"Template {templateId} does not exist for product {Json.Str(request, "asset.product.id")}.");
                }

                request["template"] = Json.Ref(template, "id", "name");
            }

            return "inquiring";
        });

    public JsonObject Fail(string id, JsonObject body, Caller caller) =>
        Transition(id, "fail", caller, ["pending", "inquiring"], (w, request, now) =>
        {
            request["reason"] = Json.Text(body, "reason") ?? string.Empty;
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
            TierSetup.TiersReady(w, request) ? "pending" : "tiers_setup");

    public JsonObject Schedule(string id, JsonObject body, Caller caller) =>
        Transition(id, "schedule", caller, ["pending"], (_, request, _) =>
        {
            request["planned_date"] = Json.Text(body, "planned_date")
                ?? throw DomainException.Invalid("planned_date: This field is required.");
            return "scheduled";
        });

    public JsonObject Revoke(string id, JsonObject body, Caller caller) =>
        Transition(id, "revoke", caller, ["scheduled"], (_, request, _) =>
        {
            request["reason"] = Json.Text(body, "reason") ?? string.Empty;
            return "revoking";
        });

    public JsonObject Confirm(string id, Caller caller) =>
        Transition(id, "confirm", caller, ["revoking"], (_, _, _) => "revoked");

    public JsonObject Assign(string id, JsonObject body, string? pathAssignee, Caller caller) =>
        Transition(id, "assign", caller, Assignable, (_, request, _) =>
        {
            request["assignee"] = Assignees.From(body, pathAssignee);
            return Json.Str(request, "status")!;
        });

    public JsonObject Unassign(string id, Caller caller) =>
        Transition(id, "unassign", caller, Assignable, (_, request, _) =>
        {
            request["assignee"] = string.Empty;
            return Json.Str(request, "status")!;
        });

    private JsonObject Transition(
        string id, string action, Caller caller, string[] from, Func<StoreWriter, JsonObject, string, string> apply) => store.Write(w =>
    {
        var current = w.Get(Collections.Requests, id) ?? throw DomainException.NotFound("Request", id);
        var status = Json.Str(current, "status")!;
        if (!from.Contains(status))
        {
            throw DomainException.Refused(ErrorCodes.RequestTransition, $"Request {id} is in status {status}, action {action} is not allowed.");
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
            throw DomainException.Refused(code, $"Template {templateId} does not exist for product {productId}.");
        }

        if (Json.Str(template, "scope") != "asset")
        {
            throw DomainException.Refused(code, $"Template {templateId} has scope {Json.Str(template, "scope")}, an asset template is required.");
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
}
