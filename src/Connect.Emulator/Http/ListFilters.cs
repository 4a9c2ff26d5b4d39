using System.Collections.Frozen;

namespace Connect.Emulator.Http;

/// <summary>
/// The filterable property paths of each list endpoint (dotted; legacy <c>a__b</c> names are normalized before the
/// check). Taken from <c>contract/api-filters.md</c> (the query parameters of the OpenAPI document, version 37), plus common
/// bookkeeping fields and the paths the legacy SDKs, the processor and the usage tools filter on. Comparisons on
/// other names are dropped from the filter, as real Connect ignores filters it does not declare (contract/api-contract.md section 4.4).
/// </summary>
internal static class ListFilters
{
    /// <summary>GET <c>/requests</c>.</summary>
    public static readonly FrozenSet<string> Requests = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "activation_key",
        "asset.account_id", "asset.configuration", "asset.connection.environment", "asset.connection.hub.id",
        "asset.connection.hub.name", "asset.connection.id", "asset.connection.provider.id",
        "asset.connection.provider.name", "asset.connection.type", "asset.connection.vendor.id",
        "asset.connection.vendor.name", "asset.contract.id", "asset.external.id", "asset.external_id",
        "asset.external_uid", "asset.id", "asset.items", "asset.marketplace.id", "asset.marketplace.name",
        "asset.params.id", "asset.params.value", "asset.product.capabilities", "asset.product.id", "asset.product.name",
        "asset.status", "asset.tier1_id", "asset.tier2_id", "asset.tiers.customer.id", "asset.tiers.customer.name",
        "asset.tiers.tier1.id", "asset.tiers.tier2", "asset.tiers.tier2.id", "asset_id", "assignee", "assignee.email",
        "contract.id", "contract.id.exact", "marketplace.id", "marketplace.name", "product_id", "sli.days", "sli.zone",
        "template", "template.id", "type", "asset.tiers.customer.external_id", "asset.tiers.customer.external_uid",
        "asset.tiers.tier1.name", "asset.tiers.tier2.name", "assignee.id", "assignee.name", "params.id", "note",
        "reason", "effective_date", "asset.product.status");

    /// <summary>GET <c>/assets</c>.</summary>
    public static readonly FrozenSet<string> Assets = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "configuration",
        "connection.hub.id", "connection.hub.name", "connection.id", "connection.provider.id",
        "connection.provider.name", "connection.type", "connection.vendor.id", "connection.vendor.name", "contract.id",
        "external_id", "external_uid", "hub.id", "hub.name", "items", "marketplace.id", "marketplace.name", "params.id",
        "params.value", "pending_request", "pending_request.template", "product.id", "product.name", "product.title",
        "template", "template.id", "tiers.customer.external_id", "tiers.customer.external_uid", "tiers.customer.id",
        "tiers.customer.name", "tiers.tier1.id", "tiers.tier2.id", "tiers.tier1.name", "tiers.tier2.name",
        "product.status");

    /// <summary>GET <c>/assets/{asset_id}/requests</c>.</summary>
    public static readonly FrozenSet<string> AssetRequests = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "asset_id", "type");

    /// <summary>GET <c>/tier/config-requests</c>.</summary>
    public static readonly FrozenSet<string> TierConfigRequests = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "assignee.id",
        "assignee.name", "configuration", "configuration.account.external_id", "configuration.account.external_uid",
        "configuration.account.hub.id", "configuration.account.hub.name", "configuration.account.id",
        "configuration.configuration", "configuration.connection.type", "configuration.contract.id", "configuration.id",
        "configuration.marketplace.id", "configuration.marketplace.name", "configuration.params",
        "configuration.product.capabilities", "configuration.product.id", "configuration.product.name",
        "configuration.tier_level", "environment", "params.id", "params.value", "sli.days", "sli.zone", "template.id",
        "tiers", "type", "unassigned", "configuration.account.name", "configuration.status", "assignee", "account.id",
        "product.id", "tier_level");

    /// <summary>GET <c>/tier/configs</c>.</summary>
    public static readonly FrozenSet<string> TierConfigs = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "account.company_name",
        "account.external_id", "account.external_uid", "account.id", "configuration", "connection.id",
        "connection.product_version_type", "connection.type", "contract.id", "marketplace.id", "marketplace.name",
        "params.id", "params.value", "product.id", "product.name", "template.id", "tier_level", "account.name",
        "open_request.id");

    /// <summary>GET <c>/products</c>.</summary>
    public static readonly FrozenSet<string> Products = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "events.published.at",
        "events.published.by.id", "events.published.by.name", "events.updated.by.id", "events.updated.by.name",
        "external_id", "groups.id", "owner.id", "owner.name", "purchase_model", "replacement.id",
        "sourcing.marketplaces", "visibility.catalog", "visibility.listing", "visibility.owner",
        "visibility.syndication", "category.id", "category.parent", "version", "latest");

    /// <summary>GET <c>/products/{product_product_id}/templates</c>.</summary>
    public static readonly FrozenSet<string> ProductTemplates = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "scope", "type",
        "title");

    /// <summary>GET <c>/products/{product_product_id}/parameters</c>.</summary>
    public static readonly FrozenSet<string> ProductParameters = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "constraints.hidden",
        "constraints.reconciliation", "constraints.required", "constraints.shared", "constraints.unique", "phase",
        "position", "scope", "title", "type");

    /// <summary>GET <c>/products/{product_product_id}/items</c>.</summary>
    public static readonly FrozenSet<string> ProductItems = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "app.id",
        "applicability", "commitment.count", "description.value", "display_name", "dynamic", "events.saleended.at",
        "external_id", "frozen", "group.id", "group.mpn", "group.name", "item_type", "local_id", "mpn", "period",
        "replacement.id", "type", "unit.title", "usage_data_type", "verbose_id", "version");

    /// <summary>GET <c>/usage/files</c>.</summary>
    public static readonly FrozenSet<string> UsageFiles = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "contract.id",
        "contract.name", "created.at", "distribution_contract_id", "environment", "external_id", "marketplace.id",
        "marketplace.name", "marketplace_id", "product.id", "product.name", "product_id", "provider.id",
        "provider.name", "provider_id", "schema", "vendor.id", "vendor.name", "vendor_id");

    /// <summary>GET <c>/usage/records</c>.</summary>
    public static readonly FrozenSet<string> UsageRecords = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "asset.external_id",
        "asset.external_uid", "asset.id", "asset_external_id", "asset_external_uid", "asset_id", "created_time",
        "end_date", "hub.id", "item.id", "item_id", "part_usage_file.hub.id", "product.id", "product_id", "start_date",
        "usage_file", "usage_start_time", "usagefile.id", "usagefile.schema", "usage_file.id", "record_id",
        "external_billing_id");

    /// <summary>GET <c>/listings</c>.</summary>
    public static readonly FrozenSet<string> Listings = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "alt_pricelist_1.id",
        "alt_pricelist_1.name", "alt_pricelist_2.id", "alt_pricelist_2.name", "contract.id",
        "contract.marketplace.name", "marketplace.id", "marketplace.name", "marketplace.name.icontains", "offer.id",
        "offer.name", "pending_request.status", "pending_request.type", "pending_request.id", "pending_request.is_null",
        "pricelist.id", "pricelist.name", "product.id", "product.name", "product.name.icontains", "provider.id",
        "provider.name", "vendor.id", "vendor.name");

    /// <summary>GET <c>/conversations</c>.</summary>
    public static readonly FrozenSet<string> Conversations = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "instance_id", "topic",
        "type", "accounts.id", "creator.id");

    /// <summary>GET <c>/conversations/{conversation_id}/messages</c>.</summary>
    public static readonly FrozenSet<string> ConversationMessages = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "events.created.by.id",
        "text", "type", "creator.id");

    /// <summary>GET <c>/marketplaces</c>.</summary>
    public static readonly FrozenSet<string> Marketplaces = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "agreements.id",
        "alt_currency_1", "alt_currency_2", "countries.id", "currency", "description", "hubs.id", "hubs.name",
        "locales.id", "locales.name", "owner.id", "owner.name", "stats.contracts", "stats.hubs");

    /// <summary>GET <c>/accounts</c>.</summary>
    public static readonly FrozenSet<string> Accounts = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "external_id", "public",
        "role", "type");

    /// <summary>GET <c>/contracts</c>.</summary>
    public static readonly FrozenSet<string> Contracts = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "agreement.id",
        "agreement.name", "agreement.owner.id", "agreement.product_groups.id", "agreement.product_groups.products.id",
        "agreement.sourcing_agreement.id", "agreement.sourcing_agreement.type", "events.created.by.id",
        "events.created.by.name", "events.signed.by.id", "events.signed.by.name", "issuer.id", "issuer.name", "kind",
        "marketplace.id", "marketplace.name", "owner.id", "owner.name", "partner.id", "referral.agreement.id",
        "sourcing.listing.id", "sourcing.marketplace.id", "sourcing.marketplace.name", "sourcing.product.id",
        "sourcing.product.name", "type", "version");

    /// <summary>GET <c>/tier/accounts</c>.</summary>
    public static readonly FrozenSet<string> TierAccounts = Set(
        "id", "name", "status", "created", "updated", "events.created.at", "events.updated.at", "contact_info",
        "contact_info.contact.email", "db", "events.created.by", "events.updated.by", "external_id", "external_uid",
        "hub.id", "hub.name", "owner.id", "owner.name", "parent.id", "parent.name", "parent.parent.id", "scopes",
        "tax_id", "type", "version", "environment");

    /// <summary>GET <c>/products/{id}/configurations</c> (OpenAPI v37 query parameters).</summary>
    public static readonly FrozenSet<string> ProductConfigurations = Set(
        "id", "item.id", "item.name", "marketplace.id", "marketplace.name", "parameter.constraints.required", "parameter.constraints.shared",
        "parameter.id", "parameter.scope", "parameter.title", "parameter.name", "parameter.type", "value");

    /// <summary>GET <c>/usage/files/{id}/categories</c>.</summary>
    public static readonly FrozenSet<string> UsageCategories = Set("id", "name", "description");

    /// <summary>GET <c>/requests</c> filter names that stand for another field of the request document.</summary>
    public static readonly FrozenDictionary<string, string> RequestAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["asset_id"] = "asset.id",
        ["product_id"] = "asset.product.id",
        ["asset.tier1_id"] = "asset.tiers.tier1.id",
        ["asset.tier2_id"] = "asset.tiers.tier2.id",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>GET <c>/subscriptions/assets</c>.</summary>
    public static readonly FrozenSet<string> Subscriptions = Set(
        "id", "status", "events.created.at", "events.updated.at", "billing.next_date", "billing.period.uom",
        "connection.hub.id", "connection.hub.name", "connection.id", "connection.provider.id", "connection.provider.name",
        "connection.type", "connection.vendor.id", "connection.vendor.name", "contract.id", "external_id", "external_uid",
        "items", "marketplace.id", "marketplace.name", "params.id", "params.name", "params.value", "pending_request",
        "pending_request.template", "product.id", "product.name", "template", "tiers.customer.id", "tiers.customer.name",
        "tiers.tier1.id", "tiers.tier2.id");

    /// <summary>GET <c>/subscriptions/requests</c> (billing requests).</summary>
    public static readonly FrozenSet<string> BillingRequests = Set(
        "id", "type", "events.created.at", "events.updated.at", "period.from", "period.to", "period.uom",
        "asset.billing.next_date", "asset.billing.period.uom", "asset.connection.hub.id", "asset.connection.hub.name",
        "asset.connection.id", "asset.connection.provider.id", "asset.connection.provider.name", "asset.connection.type",
        "asset.connection.vendor.id", "asset.connection.vendor.name", "asset.contract.id", "asset.external_id",
        "asset.external_uid", "asset.id", "asset.marketplace.id", "asset.marketplace.name", "asset.params.name",
        "asset.params.value", "asset.product.id", "asset.product.name", "asset.tiers.customer.id",
        "asset.tiers.customer.name", "asset.tiers.tier1.id", "asset.tiers.tier2.id");

    /// <summary>GET <c>/hubs</c>.</summary>
    public static readonly FrozenSet<string> Hubs = Set(
        "id", "name", "events.created.at", "events.updated.at", "instance.id", "instance.type", "stats.connections",
        "stats.marketplaces");

    /// <summary>GET <c>/hubs/{hub_id}/connections</c>.</summary>
    public static readonly FrozenSet<string> HubConnections = Set("id", "created_at", "product.name");

    /// <summary>GET <c>/hubs/{hub_id}/marketplaces</c>.</summary>
    public static readonly FrozenSet<string> HubMarketplaces = Set("id", "name");

    /// <summary>GET <c>/products/{id}/versions</c>.</summary>
    public static readonly FrozenSet<string> ProductVersions = Set("id", "public", "staging", "version");

    /// <summary>GET <c>/products/{id}/connections</c>.</summary>
    public static readonly FrozenSet<string> ProductConnections = Set("id", "hub.id", "hub.instance.id", "hub.name", "product_version_type", "type", "status");

    /// <summary>GET <c>/usage/reconciliations</c>.</summary>
    public static readonly FrozenSet<string> UsageReconciliations = Set(
        "id", "status", "binding.hub.id", "partusagefile.id", "partusagefile.provider.id", "usagefile.id");

    private static FrozenSet<string> Set(params string[] paths) => paths.ToFrozenSet(StringComparer.Ordinal);
}
