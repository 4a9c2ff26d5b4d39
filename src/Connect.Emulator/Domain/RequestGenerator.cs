using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Bulk test data: many purchase requests for one product in one transaction (control API <c>requests/generate</c>).</summary>
internal sealed class RequestGenerator(DocumentStore store, Clock clock)
{
    /// <summary>Creates <paramref name="count"/> purchase requests for a product in one transaction.</summary>
    public IReadOnlyList<string> Generate(string productId, int count, string status, Caller caller) => store.Write(w =>
    {
        var now = clock.Now();
        var product = Catalog.Product(w, productId);
        var items = Catalog.Items(w, productId).ToList();
        var item = items.FirstOrDefault(i => Json.Str(i, "type") != "ppu") ?? items.FirstOrDefault()
            ?? throw DomainException.Invalid($"product_id: Product {productId} has no items.");
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
            ["items"] = Catalog.WithItemParameters(w, productId, [Catalog.RequestItem(item, "1", "0")]),
            ["tiers"] = tiers,
            ["configuration"] = new JsonObject { ["params"] = Catalog.ConfigurationParameters(w, productId, "product") },
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
                value = Parameters.IsUnique(Catalog.RequestParameter(definition, null))
                    ? $"{Json.Str(definition, "name")}-{assetToken}"
                    : $"{Json.Str(definition, "name")} value";
            }

            parameters.Add(Catalog.RequestParameter(definition, value));
        }

        var assetTemplate = RequestDocuments.BuildAsset(prototype, assetToken, "@@EXTERNAL_ID@@", "@@EXTERNAL_UID@@", parameters, now);
        var requestTemplate = RequestDocuments.BuildRequest(assetTemplate, "PR-" + Digits + "-001", "purchase", status, now, string.Empty);
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
}
