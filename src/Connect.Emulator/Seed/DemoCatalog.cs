using System.Text.Json.Nodes;

namespace Connect.Emulator.Seed;

/// <summary>The demo catalog as JSON documents (ids documented in docs/emulator.md).</summary>
internal static class DemoCatalog
{
    public const string VendorId = "VA-610-138";
    public const string ProviderId = "PA-855-748";
    public const string TierProductId = "PRD-100-200-300";
    public const string UsageProductId = "PRD-400-500-600";
    public const string ActivationTemplateId = "TL-100-200-301";
    public const string TierTemplateId = "TL-100-200-302";
    public const string InquireTemplateId = "TL-100-200-303";
    public const string UsageActivationTemplateId = "TL-400-500-601";
    public const string MarketplaceEu = "MP-10001";
    public const string MarketplaceUs = "MP-10002";
    public const string CustomerAcme = "TA-1000-0000-0001";
    public const string CustomerGlobex = "TA-1000-0000-0002";
    public const string ResellerNorthwind = "TA-2000-0000-0001";
    public const string ResellerContoso = "TA-2000-0000-0002";
    public const string ResellerFabrikam = "TA-2000-0000-0003";

    public const string At = "2026-01-05T09:00:00+00:00";

    private const string Vendor = """{"id":"VA-610-138","name":"Demo Vendor"}""";
    private const string Provider = """{"id":"PA-855-748","name":"Demo Provider"}""";
    private const string Hub = """{"id":"HB-0000-0001","name":"Demo Hub"}""";
    private const string VendorUser = """{"id":"UR-610-138-001","name":"Demo Vendor Admin"}""";

    public static IEnumerable<(string Collection, string Json)> Documents()
    {
        yield return ("accounts", $$"""
            { "id":"{{VendorId}}","name":"Demo Vendor","type":"vendor","role":"vendor","brand":"BR-000","external_id":"demo-vendor",
             "sourcing":false,"events":{ "created":{ "at":"{{At}}" } } }
            """);

        foreach (var (id, name, product, connectionType) in new[]
                 {
                     ("CT-0000-0000-0001", "Demo Cloud Storage preview", TierProductId, "preview"),
                     ("CT-0000-0000-0002", "Demo Metered API preview", UsageProductId, "preview"),
                 })
        {
            yield return ("connections", $$"""
                { "id":"{{id}}","name":"{{name}}","type":"{{connectionType}}","status":"approved","provider":{{Provider}},"vendor":{{Vendor}},
                 "hub":{{Hub}},"product":{ "id":"{{product}}" },"created_at":"{{At}}" }
                """);
        }

        yield return ("hubs", $$"""
            { "id":"HB-0000-0001","name":"Demo Hub","description":"The hub of the emulator's demo marketplaces.",
             "company":{ "id":"{{ProviderId}}","name":"Demo Provider" },"instance":{ "id":"demo-hub","type":"API" },
             "stats":{ "connections":2,"marketplaces":2 },"events":{ "created":{ "at":"{{At}}","by":{{VendorUser}} } } }
            """);

        yield return ("products", Product(TierProductId, "Demo Cloud Storage",
            """{"ppu":null,"reservation":{"consumption":false},"cart":{"validation":false},"inquiring":{"validation":false},"tiers":{"updates":false,"configs":{"level":1},"validation":false},"subscription":{"hold":false,"schema":"evergreen","change":{"editable_ordering_parameters":false,"validation":false,"inquiring_validation":false}}}"""));
        yield return ("products", Product(UsageProductId, "Demo Metered API",
            """{"ppu":{"schema":"QT","dynamic":false,"future":false,"predictive":false},"reservation":{"consumption":false},"cart":{"validation":false},"inquiring":{"validation":false},"tiers":{"updates":false,"validation":false},"subscription":{"hold":false,"schema":"evergreen","change":{"editable_ordering_parameters":false,"validation":false,"inquiring_validation":false}}}"""));

        yield return ("items", Item(TierProductId, 1, "MPN-A", "Storage 100 GB", "reservation", "Gb", "integer"));
        yield return ("items", Item(TierProductId, 2, "MPN-B", "Storage 1 TB", "reservation", "Tb", "integer"));
        yield return ("items", Item(UsageProductId, 1, "MPN-PPU-CALLS", "API calls", "ppu", "call", "integer"));
        yield return ("items", Item(UsageProductId, 2, "MPN-PPU-GB", "Data transfer", "ppu", "Gb", "decimal(2)"));
        yield return ("items", Item(UsageProductId, 3, "MPN-BASE", "Base plan", "reservation", "unit", "integer"));

        yield return ("parameters", Param(TierProductId, 1, "customer_email", "Customer e-mail", "email", "asset", "ordering", required: true, unique: false));
        yield return ("parameters", Param(TierProductId, 2, "tenant_domain", "Tenant domain", "subdomain", "asset", "ordering", required: true, unique: true));
        yield return ("parameters", Param(TierProductId, 3, "subscription_id", "Subscription ID", "text", "asset", "fulfillment", required: true, unique: false));
        yield return ("parameters", Param(TierProductId, 4, "param_b", "Parameter B", "text", "asset", "fulfillment", required: false, unique: false));
        yield return ("parameters", Param(TierProductId, 5, "partner_number", "Partner number", "text", "tier1", "ordering", required: false, unique: false));
        yield return ("parameters", Param(TierProductId, 6, "reseller_account_id", "Reseller account ID", "text", "tier1", "fulfillment", required: false, unique: false));
        yield return ("parameters", Param(TierProductId, 7, "storage_region", "Storage region", "text", "product", "configuration", required: true, unique: false, value: "eu-central"));
        yield return ("parameters", Param(TierProductId, 8, "sku_code", "SKU code", "text", "item", "configuration", required: false, unique: false, value: "SKU-STD"));
        yield return ("parameters", Param(UsageProductId, 1, "customer_email", "Customer e-mail", "email", "asset", "ordering", required: true, unique: false));
        yield return ("parameters", Param(UsageProductId, 2, "account_id", "Account ID", "text", "asset", "fulfillment", required: true, unique: true));

        yield return ("templates", Template(ActivationTemplateId, TierProductId, "Default Activation Template", "asset", "fulfillment", 10000,
            "# Welcome to Demo Cloud Storage\n\nYour subscription **{{ subscription_id }}** for tenant `{{ tenant_domain }}` is active.\n\n* Parameter B: **{{ param_b }}**\n* Contact: {{ customer_email }}"));
        yield return ("templates", Template(TierTemplateId, TierProductId, "Tier1 Activation Template", "tier1", "fulfillment", 20000,
            "# Reseller setup complete\n\nPartner number: **{{ partner_number }}**\nReseller account: **{{ reseller_account_id }}**"));
        yield return ("templates", Template(InquireTemplateId, TierProductId, "Inquire Template", "asset", "inquire", 30000,
            "# We need more information\n\nPlease check the parameters marked with an error and correct them."));
        yield return ("templates", Template(UsageActivationTemplateId, UsageProductId, "Default Activation Template", "asset", "fulfillment", 10000,
            "# Welcome to Demo Metered API\n\nYour account id is **{{ account_id }}**."));

        yield return ("marketplaces", Marketplace(MarketplaceEu, "Demo Marketplace EU", "EUR", "DE", "Germany", "EU", "Europe"));
        yield return ("marketplaces", Marketplace(MarketplaceUs, "Demo Marketplace US", "USD", "US", "United States", "NA", "North America"));

        yield return ("contracts", Contract("CRD-10001-00001-00001", "Demo Distribution Contract EU", MarketplaceEu));
        yield return ("contracts", Contract("CRD-10002-00001-00001", "Demo Distribution Contract US", MarketplaceUs));

        yield return ("listings", Listing("LST-100-200-301", TierProductId, "Demo Cloud Storage", "CRD-10001-00001-00001", "Demo Distribution Contract EU", MarketplaceEu, "Demo Marketplace EU"));
        yield return ("listings", Listing("LST-100-200-302", TierProductId, "Demo Cloud Storage", "CRD-10002-00001-00001", "Demo Distribution Contract US", MarketplaceUs, "Demo Marketplace US"));
        yield return ("listings", Listing("LST-400-500-601", UsageProductId, "Demo Metered API", "CRD-10001-00001-00001", "Demo Distribution Contract EU", MarketplaceEu, "Demo Marketplace EU"));
        yield return ("listings", Listing("LST-400-500-602", UsageProductId, "Demo Metered API", "CRD-10002-00001-00001", "Demo Distribution Contract US", MarketplaceUs, "Demo Marketplace US"));

        yield return ("tier_accounts", TierAccount(CustomerAcme, "Acme Corp", "customer", "acme@example.com"));
        yield return ("tier_accounts", TierAccount(CustomerGlobex, "Globex Inc", "customer", "globex@example.com"));
        yield return ("tier_accounts", TierAccount(ResellerNorthwind, "Northwind Reseller", "reseller", "northwind@example.com"));
        yield return ("tier_accounts", TierAccount(ResellerContoso, "Contoso Reseller", "reseller", "contoso@example.com"));
        yield return ("tier_accounts", TierAccount(ResellerFabrikam, "Fabrikam Reseller", "reseller", "fabrikam@example.com"));
    }

    private static string Product(string id, string name, string capabilities) => $$"""
        { "id":"{{id}}","name":"{{name}}","external_id":"{{id[4..].Replace("-", "", StringComparison.Ordinal)}}","purchase_model":"subscription",
         "icon":"/media/{{VendorId}}/{{id}}/media/{{id}}-logo.png","status":"published",
         "short_description":"{{name}} (emulator demo product).","detailed_description":"A demo product served by the Connect emulator.",
         "configurations":{ "suspend_resume_supported":true,"requires_reseller_information":false },
         "category":{ "id":"CAT-00001","name":"Demo" },"published_at":"{{At}}","owner":{{Vendor}},"latest":true,
         "usage_rule":{ "enabled":true },"stats":{ "versions":1 },"capabilities":{{capabilities}},
         "visibility":{ "owner":true,"listing":true,"syndication":false,"catalog":true },"changes_description":"","public":false,
         "version":1,"end_of_sale_notes":"",
         "customer_ui_settings":{ "description":"{{name}}: the service the demo vendor sells.","getting_started":"Sign in with the account you ordered with.",
                                 "download_links":[{ "title":"Windows","url":"https://example.invalid/download/windows","visible_for":"admin" }],
                                 "documents":[{ "title":"Admin guide","url":"https://example.invalid/docs/admin" }],
                                 "languages":[{ "id":"en","name":"English" }],"provisioning_message":"Your subscription is being set up.",
                                 "action":{ "url":"","jwt_secret":"" } },
         "media":{ "position":1,"id":"PRDM-{{id[4..]}}-00001","type":"image",
                  "thumbnail":"/media/{{VendorId}}/{{id}}/media/media.png","url":"/media/{{VendorId}}/{{id}}/media/media.png" },
         "events":{ "created":{ "at":"{{At}}","by":{{VendorUser}} },"updated":{ "at":"{{At}}","by":{{VendorUser}} } } }
        """;

    private static string Item(string productId, int n, string mpn, string name, string type, string unit, string precision) => $$"""
        { "id":"{{productId}}-{{n:0000}}","local_id":"{{productId}}-{{n:0000}}","mpn":"{{mpn}}","display_name":"{{name}}","description":"{{name}}",
         "type":"{{type}}","period":"{{(type == "ppu" ? "monthly" : "monthly")}}","precision":"{{precision}}","commitment":{ "count":1 },
         "unit":{ "id":"{{unit.ToLowerInvariant()}}","name":"{{unit}}","unit":"{{unit}}","title":"{{unit}}" },"status":"published","position":{{n * 10000}},
         "external_id":"{{mpn}}","parent":null,"replacement":null,"end_of_sale_notes":"","group":{ "id":"PRDG-{{productId[4..]}}-00001","name":"Default","mpn":"DEFAULT" },
         "product":{ "id":"{{productId}}" },"events":{ "created":{ "at":"{{At}}" } } }
        """;

    // Configuration-phase parameters carry the vendor's value (scope product: asset.configuration.params; scope item:
    // asset.items[].params); the others get their values on each request.
    private static string Param(
        string productId, int n, string name, string title, string type, string scope, string phase, bool required, bool unique, string? value = null) => $$"""
        { "id":"PRM-{{productId[4..]}}-{{n:0000}}","name":"{{name}}","title":"{{title}}","description":"{{title}} ({{phase}} parameter)","type":"{{type}}",
         "scope":"{{scope}}","phase":"{{phase}}","position":{{n * 10000}},{{(value is null ? "" : $"\"value\":\"{value}\",")}}
         "constraints":{ "required":{{(required ? "true" : "false")}},"hidden":false,"unique":{{(unique ? "true" : "false")}},"reconciliation":false,"meta":{  },
                        "hint":"{{title}}","placeholder":"" },
         "product":{ "id":"{{productId}}" },
         "events":{ "created":{ "at":"{{At}}","by":{{VendorUser}} },"updated":{ "at":"{{At}}","by":{{VendorUser}} } } }
        """;

    private static string Template(string id, string productId, string name, string scope, string type, int position, string body) =>
        new JsonObject
        {
            ["id"] = id,
            ["title"] = name,
            ["name"] = name,
            ["body"] = body,
            ["scope"] = scope,
            ["type"] = type,
            ["position"] = position,
            ["product"] = new JsonObject { ["id"] = productId },
            ["events"] = new JsonObject
            {
                ["created"] = new JsonObject { ["at"] = At, ["by"] = JsonNode.Parse(VendorUser) },
                ["updated"] = new JsonObject { ["at"] = At, ["by"] = JsonNode.Parse(VendorUser) },
            },
        }.ToJsonString();

    private static string Marketplace(string id, string name, string currency, string country, string countryName, string zone, string countryZone) => $$"""
        { "id":"{{id}}","name":"{{name}}","description":"{{name}} (emulator demo marketplace).","active_contracts":1,
         "icon":"/media/{{ProviderId}}/marketplaces/{{id}}/icon.png","owner":{{Provider}},"zone":"{{zone}}","currency":"{{currency}}",
         "hubs":[{ "hub":{{Hub}},"external_id":"{{id}}" }],
         "countries":[{ "id":"{{country}}","name":"{{countryName}}","icon":"/media/countries/{{country.ToLowerInvariant()}}.png","zone":"{{countryZone}}" }],
         "events":{ "created":{ "at":"{{At}}" } } }
        """;

    private static string Contract(string id, string name, string marketplace) => $$"""
        { "id":"{{id}}","name":"{{name}}","type":"distribution","status":"active","version":1,"marketplace":{ "id":"{{marketplace}}" },
         "owner":{{Provider}},"vendor":{{Vendor}},"events":{ "created":{ "at":"{{At}}" } } }
        """;

    private static string Listing(string id, string productId, string productName, string contractId, string contractName, string marketplace, string marketplaceName) => $$"""
        { "id":"{{id}}","status":"listed",
         "contract":{ "id":"{{contractId}}","type":"distribution","name":"{{contractName}}",
                     "marketplace":{ "id":"{{marketplace}}","name":"{{marketplaceName}}","icon":"/media/{{ProviderId}}/marketplaces/{{marketplace}}/icon.png" } },
         "product":{ "id":"{{productId}}","name":"{{productName}}" },"created":"{{At}}","vendor":{{Vendor}},"provider":{{Provider}},
         "offer":{ "id":null,"name":"" },
         "pricelist":{ "id":"PL-{{id[4..]}}","name":"{{productName}} price list ({{marketplaceName}})","status":"active" },
         "alt_pricelist_1":{ "id":null,"name":"","status":"draft" },"alt_pricelist_2":{ "id":null,"name":"","status":"draft" } }
        """;

    private static string TierAccount(string id, string name, string type, string email) => $$"""
        { "id":"{{id}}","name":"{{name}}","type":"{{type}}","external_id":"{{id[3..].Replace("-", "", StringComparison.Ordinal)}}",
         "external_uid":"{{Domain.Accounts.StableGuid(id)}}","tax_id":"","db":"EU",
         "owner":{ "id":"{{ProviderId}}","name":"Demo Provider" },
         "parent":{{(type == "customer" ? $$$"""{ "id":"{{{ResellerNorthwind}}}","name":"Northwind Reseller","external_id":"{{{ResellerNorthwind[3..].Replace("-", "", StringComparison.Ordinal)}}}" }""" : "null")}},
         "contact_info":{ "address_line1":"1 Demo Street","address_line2":"","city":"Berlin","state":"Berlin","postal_code":"10115","country":"DE",
                         "contact":{ "first_name":"{{name.Split(' ')[0]}}","last_name":"Admin","email":"{{email}}",
                                    "phone_number":{ "country_code":"+49","area_code":"30","phone_number":"1234567","extension":"" } } },
         "events":{ "created":{ "at":"{{At}}" } } }
        """;
}
