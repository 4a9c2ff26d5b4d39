using System.Text.Json.Nodes;
using Connect.Emulator.Domain;
using Connect.Emulator.Store;
using static Connect.Emulator.Seed.DemoCatalog;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Seed;

/// <summary>
/// Loads the demo data set (<c>--seed demo</c>): the catalog of <see cref="DemoCatalog"/>, then subscriptions and
/// requests in every status, created through the same services the API uses. Timestamps come from a fixed clock, so
/// the same seed always gives the same ids and documents.
/// </summary>
internal static class DemoSeed
{
    public static void Load(DocumentStore store)
    {
        var time = new SeedTime(DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture));
        var clock = new Clock(time);
        var caller = Caller.System;
        store.Write(w =>
        {
            foreach (var (collection, json) in DemoCatalog.Documents())
            {
                w.Put(collection, JsonNode.Parse(json)!.AsObject());
            }

            return 0;
        });

        var s = new SeedServices(
            new RequestService(store, clock), new RequestCreation(store, clock), new RequestWorkflow(store, clock),
            new TierConfigService(store, clock), new TierConfigWorkflow(store, clock));

        // Northwind is an already configured reseller: its tier config is active.
        time.Advance();
        var setup = s.Tiers.Create(Parse($$"""
            { "configuration":{ "product":{ "id":"{{TierProductId}}" },"account":{ "id":"{{ResellerNorthwind}}" },"tier_level":1 },
             "params":[{ "id":"partner_number","value":"NW-0001" }] }
            """), caller);
        time.Advance();
        s.Tiers.Update(Json.Id(setup), Parse("""{"params":[{"id":"reseller_account_id","value":"RA-NW-0001"}]}"""), caller);
        // The setup went through an inquiry before approval, as the recorded approved TCR did (events.inquired, pended).
        time.Advance();
        s.TierWorkflow.Assign(Json.Id(setup), Parse("""{"id":"UR-610-138-001"}"""), caller);
        time.Advance();
        s.TierWorkflow.Inquire(Json.Id(setup), caller);
        time.Advance();
        s.TierWorkflow.Pend(Json.Id(setup), caller);
        time.Advance();
        s.TierWorkflow.Approve(Json.Id(setup), Parse($$"""{ "template":{ "id":"{{TierTemplateId}}" } }"""), caller);

        // PR-0001-0001-0001-001: a complete pending purchase.
        Purchase(s, time, caller, "AS-0001-0001-0001", TierProductId, "MPN-A", "5", CustomerAcme, ResellerNorthwind,
            ("customer_email", "it@acme.example.com"), ("tenant_domain", "acme"));

        // PR-0001-0001-0002-001: a pending purchase missing the required ordering parameter customer_email.
        Purchase(s, time, caller, "AS-0001-0001-0002", TierProductId, "MPN-A", "1", CustomerGlobex, ResellerNorthwind,
            ("tenant_domain", "globex"));

        // Active subscriptions with a pending change, suspend, resume and cancel request each.
        var changed = ActiveSubscription(s, time, caller, "AS-0001-0001-0003", CustomerAcme, "acme-change");
        time.Advance();
        s.Creation.Create(Parse($$"""{ "type":"change","asset":{ "id":"{{changed}}","items":[{ "mpn":"MPN-A","quantity":"10" },{ "mpn":"MPN-B","quantity":"1" }] } }"""), caller);

        var suspended = ActiveSubscription(s, time, caller, "AS-0001-0001-0004", CustomerAcme, "acme-suspend");
        time.Advance();
        s.Creation.Create(Parse($$"""{ "type":"suspend","asset":{ "id":"{{suspended}}" } }"""), caller);

        var resumed = ActiveSubscription(s, time, caller, "AS-0001-0001-0005", CustomerGlobex, "globex-resume");
        time.Advance();
        var suspend = s.Creation.Create(Parse($$"""{ "type":"suspend","asset":{ "id":"{{resumed}}" } }"""), caller);
        time.Advance();
        s.Workflow.Approve(Json.Id(suspend), Parse($$"""{ "template_id":"{{ActivationTemplateId}}" }"""), caller);
        time.Advance();
        s.Creation.Create(Parse($$"""{ "type":"resume","asset":{ "id":"{{resumed}}" } }"""), caller);

        var cancelled = ActiveSubscription(s, time, caller, "AS-0001-0001-0006", CustomerGlobex, "globex-cancel");
        time.Advance();
        s.Creation.Create(Parse($$"""{ "type":"cancel","asset":{ "id":"{{cancelled}}" } }"""), caller);

        // Purchases waiting in tiers_setup for Contoso (two) and Fabrikam (one); each reseller has a pending setup TCR.
        Purchase(s, time, caller, "AS-0001-0001-0007", TierProductId, "MPN-A", "2", CustomerAcme, ResellerContoso,
            ("customer_email", "ops@acme.example.com"), ("tenant_domain", "acme-contoso"));
        Purchase(s, time, caller, "AS-0001-0001-0008", TierProductId, "MPN-B", "1", CustomerGlobex, ResellerContoso,
            ("customer_email", "ops@globex.example.com"), ("tenant_domain", "globex-contoso"));
        Purchase(s, time, caller, "AS-0001-0001-0009", TierProductId, "MPN-A", "3", CustomerGlobex, ResellerFabrikam,
            ("customer_email", "it@globex.example.com"), ("tenant_domain", "globex-fabrikam"));

        // PR-0001-0001-0010-001: a purchase in inquiring, with a parameter error set.
        var inquiring = Purchase(s, time, caller, "AS-0001-0001-0010", TierProductId, "MPN-A", "1", CustomerAcme, ResellerNorthwind,
            ("customer_email", "not-an-email"), ("tenant_domain", "acme-inquiry"));
        time.Advance();
        s.Requests.Update(inquiring, Parse("""{"asset":{"params":[{"id":"customer_email","value_error":"Please provide a valid e-mail address."}]}}"""));
        time.Advance();
        s.Workflow.Inquire(inquiring, Parse($$"""{ "template_id":"{{InquireTemplateId}}" }"""), caller);

        // The pay-per-use product: one active subscription (for usage reporting) and one pending purchase.
        var usage = Purchase(s, time, caller, "AS-0002-0001-0001", UsageProductId, "MPN-PPU-CALLS", "0", CustomerAcme, null,
            ("customer_email", "billing@acme.example.com"));
        time.Advance();
        s.Requests.Update(usage, Parse("""{"asset":{"params":[{"id":"account_id","value":"ACC-0001"}]}}"""));
        time.Advance();
        s.Workflow.Assign(usage, Parse("""{"email":"ops@vendor.example.com"}"""), null, caller);
        time.Advance();
        s.Workflow.Approve(usage, Parse($$"""{ "template_id":"{{UsageActivationTemplateId}}" }"""), caller);
        Purchase(s, time, caller, "AS-0002-0001-0002", UsageProductId, "MPN-PPU-CALLS", "0", CustomerGlobex, null,
            ("customer_email", "billing@globex.example.com"));
    }

    private static string ActiveSubscription(SeedServices s, SeedTime time, Caller caller, string assetId, string customer, string domain)
    {
        var purchase = Purchase(s, time, caller, assetId, TierProductId, "MPN-A", "5", customer, ResellerNorthwind,
            ("customer_email", $"admin@{domain}.example.com"), ("tenant_domain", domain));
        time.Advance();
        s.Requests.Update(purchase, Parse($$"""{ "asset":{ "params":[{ "id":"subscription_id","value":"SUB-{{assetId[3..]}}" }] } }"""));
        time.Advance();
        s.Workflow.Approve(purchase, Parse($$"""{ "template_id":"{{ActivationTemplateId}}" }"""), caller);
        return assetId;
    }

    private static string Purchase(
        SeedServices s, SeedTime time, Caller caller, string assetId, string productId, string mpn, string quantity,
        string customer, string? tier1, params (string Id, string Value)[] parameters)
    {
        time.Advance();
        var body = new JsonObject
        {
            ["type"] = "purchase",
            ["asset"] = new JsonObject
            {
                ["external_id"] = assetId[3..].Replace("-", string.Empty, StringComparison.Ordinal),
                ["product"] = new JsonObject { ["id"] = productId },
                ["items"] = new JsonArray(new JsonObject { ["mpn"] = mpn, ["quantity"] = quantity }),
                ["params"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]),
                ["tiers"] = new JsonObject
                {
                    ["customer"] = new JsonObject { ["id"] = customer },
                    ["tier1"] = tier1 is null ? new JsonObject() : new JsonObject { ["id"] = tier1 },
                    ["tier2"] = new JsonObject(),
                },
            },
            ["marketplace"] = new JsonObject { ["id"] = MarketplaceEu },
        };
        return Json.Id(s.Creation.Create(body, caller, assetId));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private sealed record SeedServices(
        RequestService Requests, RequestCreation Creation, RequestWorkflow Workflow, TierConfigService Tiers, TierConfigWorkflow TierWorkflow);

    private sealed class SeedTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance() => _now = _now.AddMinutes(1);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
