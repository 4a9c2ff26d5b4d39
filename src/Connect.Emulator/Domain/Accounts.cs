using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Store;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>Tier accounts (customers and resellers) and the defaults requests take from the catalog.</summary>
internal static class Accounts
{
    /// <summary>
    /// The tier account a request body names: a stored one by id, or a new one made from the body (stored too).
    /// Null when the body has no such tier (absent or <c>{}</c>).
    /// </summary>
    public static JsonObject? ResolveTier(StoreWriter writer, JsonNode? node, string kind)
    {
        if (node is not JsonObject body || body.Count == 0)
        {
            return null;
        }

        if (Json.Str(body, "id") is { } id && writer.Get(Collections.TierAccounts, id) is { } stored)
        {
            return Json.Clone(stored);
        }

        var account = Json.Clone(body);
        account["id"] = Json.Str(body, "id") ?? Ids.TierAccount(writer);
        account["name"] ??= kind == "customer" ? "Customer" : "Reseller";
        account["external_id"] ??= Json.Str(account, "id")![3..].Replace("-", string.Empty, StringComparison.Ordinal);
        account["external_uid"] ??= StableGuid(Json.Id(account));
        account["type"] ??= kind == "customer" ? "customer" : "reseller";
        account["contact_info"] ??= new JsonObject();
        writer.Put(Collections.TierAccounts, account);
        return Json.Clone(account);
    }

    /// <summary>A GUID derived from a text, so generated <c>external_uid</c>s are reproducible.</summary>
    public static string StableGuid(string text) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToString();

    public static JsonObject Marketplace(StoreWriter writer, string productId, string? marketplaceId)
    {
        if (marketplaceId is not null)
        {
            return writer.Get(Collections.Marketplaces, marketplaceId)
                ?? throw DomainException.Invalid($"marketplace: Marketplace {marketplaceId} does not exist.");
        }

        var listed = writer.All(Collections.Listings)
            .FirstOrDefault(l => Json.Str(l, "product.id") == productId && Json.Str(l, "status") == "listed");
        var id = listed is null ? null : Json.Str(listed, "contract.marketplace.id");
        return (id is null ? null : writer.Get(Collections.Marketplaces, id))
            ?? writer.All(Collections.Marketplaces).FirstOrDefault()
            ?? new JsonObject { ["id"] = "MP-00000", ["name"] = "Default Marketplace" };
    }

    public static JsonObject ContractRef(StoreWriter writer, string productId, string marketplaceId)
    {
        var listed = writer.All(Collections.Listings).FirstOrDefault(l =>
            Json.Str(l, "product.id") == productId && Json.Str(l, "contract.marketplace.id") == marketplaceId);
        var contract = listed is null ? null : Json.Str(listed, "contract.id") is { } cid ? writer.Get(Collections.Contracts, cid) : null;
        contract ??= writer.All(Collections.Contracts).FirstOrDefault(c => Json.Str(c, "marketplace.id") == marketplaceId);
        return contract is null
            ? new JsonObject { ["id"] = "CRD-00000-00000-00000", ["name"] = "None" }
            : Json.Ref(contract, "id", "name");
    }

    public static JsonObject Connection(StoreWriter writer, string productId, string? connectionId)
    {
        JsonObject? connection = null;
        if (connectionId is not null)
        {
            connection = writer.Get(Collections.Connections, connectionId)
                ?? throw DomainException.Invalid($"asset.connection: Connection {connectionId} does not exist.");
        }

        connection ??= writer.All(Collections.Connections).FirstOrDefault(c => Json.Str(c, "product.id") == productId);
        if (connection is null)
        {
            return new JsonObject
            {
                ["id"] = "CT-0000-0000-0000",
                ["type"] = "preview",
                ["provider"] = new JsonObject { ["id"] = "PA-000-000", ["name"] = "Provider" },
                ["vendor"] = new JsonObject { ["id"] = "VA-000-000", ["name"] = "Vendor" },
                ["hub"] = new JsonObject { ["id"] = "HB-0000-0000", ["name"] = "None" },
            };
        }

        return Json.Ref(connection, "id", "type", "provider", "vendor", "hub");
    }

    public static JsonObject MarketplaceRef(JsonObject marketplace) => Json.Ref(marketplace, "id", "name", "icon");
}
