using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>The shapes of a new asset and of a new request around an asset snapshot (creation and bulk generation share them).</summary>
internal static class RequestDocuments
{
    internal static JsonObject BuildAsset(JsonObject prototype, string assetId, string? externalId, string? externalUid, JsonArray parameters, string now)
    {
        var asset = new JsonObject
        {
            ["id"] = assetId,
            ["status"] = "processing",
            ["external_id"] = externalId ?? assetId[3..].Replace("-", string.Empty, StringComparison.Ordinal),
            ["external_uid"] = externalUid ?? Accounts.StableGuid(assetId),
            ["external_name"] = string.Empty,
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

    internal static JsonObject BuildRequest(StoreWriter w, JsonObject asset, string type, string status, string now, string note) =>
        BuildRequest(asset, Ids.Request(w, Json.Id(asset)), type, status, now, note);

    internal static JsonObject BuildRequest(JsonObject asset, string id, string type, string status, string now, string note) => new()
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
}
