using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Tests;

namespace Connect.Testing.Tests;

public sealed class BuilderTests
{
    [Fact]
    public void Purchase_WithItemAndParameter_BuildsPendingPurchaseOfThatProduct()
    {
        var request = Requests.Purchase().ForProduct("PRD-123-456-789").WithItem("MPN-A", 5)
            .WithParameter("customer_email", "a@b.c").Build();

        Assert.Equal(RequestType.Purchase, request.Type);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal("PRD-123-456-789", request.Asset!.Product!.Id);
        var item = Assert.Single(request.Asset.Items!);
        Assert.Equal(("MPN-A", 5m, 0m, "PRD-123-456-789-0001"), (item.Mpn, item.Quantity, item.OldQuantity, item.GlobalId));
        var param = Assert.Single(request.Asset.Params!);
        Assert.Equal(("customer_email", "a@b.c", "ordering"), (param.Id, param.Value, param.Phase));
        Assert.Equal(AssetStatus.Processing, request.Asset.Status);
        Assert.Matches(@"^PR-\d{4}-\d{4}-\d{4}-001$", request.Id);
        Assert.Equal(request.Asset.Id, "AS-" + request.Id![3..^4]);
    }

    [Theory]
    [InlineData("purchase", "processing", 0)]
    [InlineData("change", "active", 1)]
    [InlineData("suspend", "active", 1)]
    [InlineData("resume", "suspended", 1)]
    [InlineData("cancel", "active", 1)]
    [InlineData("renew", "active", 1)]
    [InlineData("adjustment", "active", 1)]
    [InlineData("transfer", "active", 1)]
    public void Of_EveryType_HasRealisticDefaults(string type, string assetStatus, decimal oldQuantity)
    {
        var request = Requests.Of(type).Build();

        Assert.Equal(type, request.Type);
        Assert.Equal(assetStatus, request.Asset!.Status);
        Assert.Equal(DemoDefaults.ProductId, request.Asset.Product!.Id);
        Assert.Equal(DemoDefaults.CustomerId, request.Asset.Tiers!.Customer!.Id);
        Assert.Equal(DemoDefaults.Tier1Id, request.Asset.Tiers.Tier1!.Id);
        Assert.Equal(ConnectionType.Preview, request.Asset.Connection!.Type);
        Assert.Equal(DemoDefaults.MarketplaceId, request.Marketplace!.Id);
        var item = Assert.Single(request.Asset.Items!);
        Assert.Equal((DemoDefaults.ItemMpn, 1m, oldQuantity), (item.Mpn, item.Quantity, item.OldQuantity));
    }

    [Fact]
    public void Change_WithOldQuantity_CarriesBothQuantities()
    {
        var request = Requests.Change().ForAsset("AS-1111-2222-3333", 2).WithItem("MPN-A", 10, oldQuantity: 5).WithItem("MPN-B", 1).Build();

        Assert.Equal("PR-1111-2222-3333-002", request.Id);
        Assert.Equal([(10m, 5m), (1m, 0m)], request.Asset!.Items!.Select(i => (i.Quantity!.Value, i.OldQuantity!.Value)));
        Assert.Equal(["PRD-100-200-300-0001", "PRD-100-200-300-0002"], request.Asset.Items!.Select(i => i.GlobalId));
    }

    [Fact]
    public void Renew_Item_HasRenewalPeriod()
    {
        var item = Assert.Single(Requests.Renew().WithItem("MPN-A", 3).Build().Asset!.Items!);

        Assert.Equal(("year", 1), (item.Renewal!.PeriodUom, item.Renewal.PeriodDelta));
    }

    [Fact]
    public void ForProduct_AfterItems_MovesItemIds()
    {
        var request = Requests.Purchase().WithItem("MPN-X", 2).ForProduct("PRD-999-999-999").Build();

        Assert.Equal("PRD-999-999-999-0001", request.Asset!.Items![0].GlobalId);
        Assert.Equal("PRD_999_999_999_0001", request.Asset.Items[0].Id);
        Assert.Equal("PRD-999-999-999", request.Asset.Connection!.Product!.Id);
    }

    [Fact]
    public void Build_Twice_GivesIndependentCopies()
    {
        var builder = Requests.Purchase().WithParameter("p", "1");
        var first = builder.Build();
        first.Asset!.Params![0].Value = "changed";
        var second = builder.WithStatus(RequestStatus.Inquiring).Build();

        Assert.Equal("1", second.Asset!.Params![0].Value);
        Assert.Equal(RequestStatus.Pending, first.Status);
        Assert.Equal(RequestStatus.Inquiring, second.Status);
    }

    [Fact]
    public void WithParameterError_And_FulfillmentParameter_SetPhaseAndError()
    {
        var request = Requests.Purchase()
            .WithParameter("customer_email", "bad")
            .WithParameterError("customer_email", "Not an e-mail address.")
            .WithFulfillmentParameter("subscription_id", required: true)
            .WithStatus(RequestStatus.Inquiring)
            .Build();

        var email = request.Asset!.Params!.Single(p => p.Id == "customer_email");
        var subscription = request.Asset.Params!.Single(p => p.Id == "subscription_id");
        Assert.Equal("Not an e-mail address.", email.ValueError);
        Assert.Equal(("fulfillment", true, ""), (subscription.Phase, subscription.Constraints!.Required, subscription.Value));
    }

    [Fact]
    public void FromFile_RecordedPurchase_KeepsEverythingButWhatTheTestChanges()
    {
        var path = ContractFiles.Fixture("request_purchase.json");
        var recorded = ConnectSerializer.Deserialize<FulfillmentRequest>(File.ReadAllText(path));

        var request = Requests.FromFile(path).WithParameter("param_b", "filled").WithStatus(RequestStatus.Inquiring).Build();

        Assert.Equal(recorded.Id, request.Id);
        Assert.Equal(RequestStatus.Inquiring, request.Status);
        Assert.Equal("filled", request.Asset!.Params!.Single(p => p.Id == "param_b").Value);
        Assert.Equal(recorded.Asset!.Params!.Count, request.Asset.Params!.Count);
        Assert.Equal(recorded.Asset.Items!.Count, request.Asset.Items!.Count);
        Assert.Equal(recorded.Asset.Tiers!.Customer!.Id, request.Asset.Tiers!.Customer!.Id);
        Assert.Equal(recorded.Asset.Params.Single(p => p.Id == "param_a").Value, request.Asset.Params.Single(p => p.Id == "param_a").Value);
    }

    [Fact]
    public void FromJson_NotARequest_ThrowsSerializationErrorNamingThePath()
    {
        var error = Assert.Throws<ConnectSerializationException>(() => Requests.FromJson("""{"asset":{"items":"nope"}}"""));

        Assert.Contains("$.asset.items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SerializesWithWireNames()
    {
        var json = ConnectSerializer.Serialize(Requests.Purchase().WithItem("MPN-A", 5).Build());

        Assert.Contains("\"quantity\":\"5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"external_uid\":", json, StringComparison.Ordinal);
        Assert.Contains("\"created\":\"2026-01-05T09:00:00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TierConfigRequests_Setup_DefaultsToNorthwindOnDemoProduct()
    {
        var request = TierConfigRequests.Setup().ForTierConfig("TC-111-222-333").WithParameter("partner_number", "P-1").Build();

        Assert.Equal(("TCR-111-222-333-001", "setup", "pending", 1), (request.Id, request.Type, request.Status, request.TierLevel));
        Assert.Equal(DemoDefaults.Tier1Id, request.Configuration!.Account!.Id);
        Assert.Equal("processing", request.Configuration.Status);
        var param = Assert.Single(request.Params!);
        Assert.Equal(("partner_number", "P-1", "tier1"), (param.Id, param.Value, param.Scope));
    }

    [Fact]
    public void TierConfigRequests_FromFile_RecordedRequest_Loads()
    {
        var request = TierConfigRequests.FromFile(ContractFiles.Fixture("tier_config_request.json")).WithStatus("inquiring").Build();

        Assert.StartsWith("TCR-", request.Id, StringComparison.Ordinal);
        Assert.Equal("inquiring", request.Status);
    }

    [Fact]
    public void TierConfigRequests_WithTierLevel_Three_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TierConfigRequests.Update().WithTierLevel(3));
    }

    [Fact]
    public void Assets_Active_HasOneItemAndGivenParameters()
    {
        var asset = Assets.Active().WithId("AS-1-2-3").WithParameter("tenant_domain", "acme").Build();

        Assert.Equal(("AS-1-2-3", "active"), (asset.Id, asset.Status));
        Assert.Equal(DemoDefaults.ItemMpn, Assert.Single(asset.Items!).Mpn);
        Assert.Equal("acme", Assert.Single(asset.Params!).Value);
    }

    [Fact]
    public void Assets_FromFile_RecordedAsset_Loads()
    {
        var asset = Assets.FromFile(ContractFiles.Fixture("asset.json")).WithStatus(AssetStatus.Suspended).Build();

        Assert.StartsWith("AS-", asset.Id, StringComparison.Ordinal);
        Assert.Equal(AssetStatus.Suspended, asset.Status);
    }

    [Fact]
    public void UsageFile_Defaults_DraftOfUsageProductForDecember()
    {
        var file = Usage.File().WithRecordCounts(3, 1).Build();

        Assert.Equal(("draft", "qt", DemoDefaults.UsageProductId, DemoDefaults.ContractId), (file.Status, file.Schema, file.Product!.Id, file.Contract!.Id));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), file.Period!.From);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero), file.Period.To);
        Assert.Equal((3, 1, 4), (file.Records!.Valid, file.Records.Invalid, file.Stats!.Uploaded));
    }

    [Fact]
    public void UsageFile_ForPeriod_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Usage.File().ForPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void UsageRecord_BuildMany_NumbersTheIds()
    {
        var records = Usage.Record().WithRecordId("r").ForAsset("AS-1").ForItem("MPN-PPU-GB").WithQuantity(2.5m).BuildMany(3);

        Assert.Equal(["r-1", "r-2", "r-3"], records.Select(r => r.RecordId));
        Assert.All(records, r => Assert.Equal(("asset.id", "AS-1", "MPN-PPU-GB", 2.5m), (r.AssetSearchCriteria, r.AssetSearchValue, r.ItemSearchValue, r.Quantity)));
        Assert.All(records, r => Assert.Equal(DateTimeKind.Utc, r.StartTimeUtc!.Value.Kind));
    }
}
