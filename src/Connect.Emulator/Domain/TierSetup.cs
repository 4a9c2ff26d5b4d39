using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Tier configs a purchase needs: finding them, creating a config with its setup request, and whether a request's tiers are ready.</summary>
internal static class TierSetup
{
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

    internal static JsonObject? FindConfig(StoreWriter w, string productId, string accountId, int level) =>
        w.All(Collections.TierConfigs).FirstOrDefault(tc =>
            Json.Str(tc, "product.id") == productId && Json.Str(tc, "account.id") == accountId
            && (tc["tier_level"]?.GetValue<int>() ?? 1) == level);

    /// <summary>Creates a tier config in <c>processing</c> and its setup request.</summary>
    internal static (JsonObject Config, JsonObject Request) CreateSetup(
        StoreWriter w, JsonObject product, JsonObject account, int level, JsonObject source, string status, Caller caller, string now)
    {
        var configId = Ids.TierConfig(w);
        var parameters = new JsonArray([.. Catalog.Parameters(w, Json.Id(product), $"tier{level}").Select(d =>
        {
            // Tier parameters carry their hint at the top level (fixture tier_config_request.json).
            var parameter = Catalog.RequestParameter(d, null);
            parameter["hint"] = Json.Str(d, "constraints.hint") ?? string.Empty;
            return (JsonNode)parameter;
        })]);
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
            ["configuration"] = new JsonObject { ["params"] = Catalog.ConfigurationParameters(w, Json.Id(product), "product") },
            ["contract"] = Json.Copy(source["contract"]),
            ["marketplace"] = Json.Copy(source["marketplace"]),
        };
        // A tier config's connection and contract carry more than an asset's references (fixture tier_config_request_approved.json).
        if (config["connection"] is JsonObject connection && w.Get(Collections.Connections, Json.Id(connection)) is { } fullConnection)
        {
            connection["status"] = Json.Copy(fullConnection["status"]);
            connection["created_at"] = Json.Copy(fullConnection["created_at"]);
        }

        if (config["contract"] is JsonObject contract && w.Get(Collections.Contracts, Json.Id(contract)) is { } fullContract)
        {
            contract["type"] = Json.Copy(fullContract["type"]);
        }

        if (RenderService.DefaultTemplate(w.All(Collections.Templates), Json.Id(product), $"tier{level}") is { } template)
        {
            config["template"] = Json.Ref(template, "id", "name");
        }

        var request = NewRequest(w, config, "setup", status, now);
        config["open_request"] = new JsonObject { ["id"] = Json.Id(request) };
        w.Put(Collections.TierConfigs, config);
        w.Put(Collections.TierConfigRequests, request);
        w.Audit(Collections.TierConfigs, configId, null, "processing", "create", now, caller.ApiKeyId);
        w.Audit(Collections.TierConfigRequests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
        ConversationService.Ensure(w, Json.Id(request), status);
        return (config, request);
    }

    internal static JsonObject NewRequest(StoreWriter w, JsonObject config, string type, string status, string now)
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
        if (RenderService.DefaultTemplate(w.All(Collections.Templates), Json.Str(config, "product.id"), $"tier{level}") is { } template)
        {
            request["template"] = Json.Ref(template, "id", "name");
        }

        return request;
    }
}
