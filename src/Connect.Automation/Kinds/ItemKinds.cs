using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>The kind that describes an item type; the engine knows four.</summary>
internal static class ItemKinds
{
    public static ItemKind<TItem> For<TItem>()
        where TItem : class => typeof(TItem) switch
        {
            var t when t == typeof(FulfillmentRequest) => (ItemKind<TItem>)(object)new FulfillmentKind(),
            var t when t == typeof(TierConfigRequest) => (ItemKind<TItem>)(object)new TierConfigKind(),
            var t when t == typeof(UsageFile) => (ItemKind<TItem>)(object)new UsageFileKind(),
            var t when t == typeof(UsageListing) => (ItemKind<TItem>)(object)new ListingKind(),
            _ => throw new NotSupportedException(
                $"The automation engine processes FulfillmentRequest, TierConfigRequest, UsageFile or UsageListing items, not {typeof(TItem).Name}."),
        };
}
