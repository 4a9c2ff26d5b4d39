namespace Connect.Emulator.Store;

/// <summary>Collection names of the store (one per Connect resource kind).</summary>
internal static class Collections
{
    public const string Accounts = "accounts";
    public const string TierAccounts = "tier_accounts";
    public const string Products = "products";
    public const string Items = "items";
    public const string Parameters = "parameters";
    public const string Templates = "templates";
    public const string Marketplaces = "marketplaces";
    public const string Contracts = "contracts";
    public const string Listings = "listings";
    public const string Connections = "connections";
    public const string Hubs = "hubs";
    public const string Assets = "assets";
    public const string Requests = "requests";
    public const string TierConfigs = "tier_configs";
    public const string TierConfigRequests = "tier_config_requests";
    public const string Conversations = "conversations";
    public const string UsageFiles = "usage_files";
    public const string UsageRecords = "usage_records";
    public const string BillingRequests = "billing_requests";
    public const string UsageReconciliations = "usage_reconciliations";
}
