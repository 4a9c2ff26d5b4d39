namespace Company.Processor;

/// <summary>
/// The product's parameter ids (the Python Processor SDK template's globals.py). Products, environments, template names and the usage day are
/// settings, not constants: see config.json.
/// </summary>
public static class Globals
{
    /// <summary>Fulfillment parameter holding the vendor's subscription id (required, unique: the reconciliation id).</summary>
    public const string SubscriptionIdParameter = "subscription_id";

    /// <summary>Another fulfillment parameter filled from the vendor's answer.</summary>
    public const string ParamBParameter = "param_b";

    /// <summary>Tier1 fulfillment parameter holding the vendor's reseller account id.</summary>
    public const string ResellerAccountParameter = "reseller_account_id";

    /// <summary>Item MPN reported in usage files.</summary>
    public const string UsageItemMpn = "MPN-A";
}
