using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Reading and editing fulfillment requests: get, parameter and note updates, dynamic validation, an asset's request list.</summary>
internal sealed class RequestService(DocumentStore store, Clock clock)
{
    private static readonly string[] Editable = ["draft", "tiers_setup", "pending", "inquiring"];

    public JsonObject Get(string id) => store.Get(Collections.Requests, id) ?? throw DomainException.NotFound("Request", id);

    public JsonObject Update(string id, JsonObject body) => store.Write(w =>
    {
        var current = w.Get(Collections.Requests, id) ?? throw DomainException.NotFound("Request", id);
        var status = Json.Str(current, "status");
        if (!Editable.Contains(status))
        {
            throw DomainException.Refused(ErrorCodes.RequestNotEditable, $"Request {id} is in status {status} and cannot be updated.");
        }

        var now = clock.Now();
        var request = Json.Clone(current);
        if (body.ContainsKey("note"))
        {
            request["note"] = Json.Text(body, "note") ?? string.Empty;
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
        var request = Json.Clone(w.Get(Collections.Requests, id) ?? throw DomainException.NotFound("Request", id));
        MergeParameters(w, request, body);
        return request;
    });

    public IEnumerable<JsonObject> AssetRequests(string assetId)
    {
        _ = store.Get(Collections.Assets, assetId) ?? throw DomainException.NotFound("Asset", assetId);
        return store.Find(Collections.Requests, Indexes.AssetId, assetId)
            .Select(r =>
            {
                var summary = new JsonObject
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
                };

                // An assignee only when there is one (fixture asset_requests_list.json: none while unassigned).
                if (r["assignee"] is JsonObject assignee)
                {
                    summary["assignee"] = assignee.DeepClone();
                }

                return summary;
            });
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

    private static bool MergeParameters(StoreWriter w, JsonObject request, JsonObject body)
    {
        var valued = ParameterMerge.Apply(
            (body["asset"] as JsonObject)?["params"], request["asset"]?["params"], "asset.params",
            ErrorCodes.RequestUnknownParameter, $"request {Json.Id(request)}");
        if (valued is null)
        {
            return false;
        }

        UniqueParameters.Check(w, (JsonObject)request["asset"]!, valued);
        return true;
    }
}
