namespace Connect.Sdk.Tests.Integration;

/// <summary>
/// Behaviour the wire contract requires and the emulator does not (yet) show. Each test is written to the contract and
/// skipped with the deviation named, so the emulator's owner can remove the skip once it is fixed.
/// </summary>
public sealed class EmulatorDeviationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact(Skip = "emulator bug: GET /products?eq(nosuchfield,1) (also ?nosuchfield=1, in(no.such.path,(a,b))) answers 0 items; contract §4.4/§10 and docs/emulator.md say unknown filter names are ignored")]
    public async Task CountAsync_UnknownFilterName_IsIgnored()
    {
        var all = await Client.Products.CountAsync();

        var withUnknown = await Client.Products.CountAsync(new Query().Equal("nosuchfield", "1"));

        Assert.Equal(2, all);
        Assert.Equal(all, withUnknown);
    }

    [Fact(Skip = "emulator bug: GET /requests?select(asset.product.capabilities) does not add the hidden field; contract §4.6 says hidden fields appear when selected")]
    public async Task ListAsync_SelectHiddenProductCapabilities_AddsThem()
    {
        var plain = Assert.Single(await Client.Requests.ListAsync(new Query().Equal("id", Demo.CompletePending)).ToListAsync());

        var selected = Assert.Single(await Client.Requests.ListAsync(new Query().Equal("id", Demo.CompletePending).Select("asset.product.capabilities")).ToListAsync());

        Assert.Null(plain.Asset!.Product!.Capabilities);
        Assert.NotNull(selected.Asset!.Product!.Capabilities);
        Assert.Equal(1, selected.Asset.Product.Capabilities.Tiers!.Configs!.Level);
    }

    [Fact(Skip = "emulator bug: GET /assets?select(pending_request) does not add pending_request for an asset with a pending purchase; contract §4.6 (hidden by default, shown when selected)")]
    public async Task AssetsListAsync_SelectPendingRequest_AddsIt()
    {
        var asset = Assert.Single(await Client.Assets.ListAsync(new Query().Equal("id", "AS-0001-0001-0001").Select("pending_request")).ToListAsync());

        Assert.NotNull(asset.ExtensionData);
        Assert.True(asset.ExtensionData.ContainsKey("pending_request"));
    }

    [Fact(Skip = "emulator gap: GET /products/{id}/configurations (OAS37 path; issue 2 configuration parameters) answers 404 NOT_FOUND")]
    public async Task ProductsListConfigurationsAsync_TierProduct_Answers200()
    {
        var configurations = await Client.Products.ListConfigurationsAsync(Demo.TierProduct).ToListAsync();

        Assert.NotNull(configurations);
    }
}
