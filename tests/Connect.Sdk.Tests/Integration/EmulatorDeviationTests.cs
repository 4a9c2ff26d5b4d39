using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>
/// Behaviour the wire contract requires that the emulator once did not show (unknown filters, hidden-by-default fields,
/// product configurations). Each test is written to the contract; they stay as regression tests now that it is fixed.
/// </summary>
public sealed class EmulatorDeviationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CountAsync_UnknownFilterName_IsIgnored()
    {
        var all = await Client.Products.CountAsync();

        var withUnknown = await Client.Products.CountAsync(new Query().Equal("nosuchfield", "1"));

        Assert.Equal(2, all);
        Assert.Equal(all, withUnknown);
    }

    [Fact]
    public async Task ListAsync_SelectHiddenProductCapabilities_AddsThem()
    {
        var plain = Assert.Single(await Client.Requests.ListAsync(new Query().Equal("id", Demo.CompletePending)).ToListAsync());

        var selected = Assert.Single(await Client.Requests.ListAsync(new Query().Equal("id", Demo.CompletePending).Select("asset.product.capabilities")).ToListAsync());

        Assert.Null(plain.Asset!.Product!.Capabilities);
        Assert.NotNull(selected.Asset!.Product!.Capabilities);
        Assert.Equal(1, selected.Asset.Product.Capabilities.Tiers!.Configs!.Level);
    }

    [Fact]
    public async Task AssetsListAsync_SelectPendingRequest_AddsIt()
    {
        var asset = Assert.Single(await Client.Assets.ListAsync(new Query().Equal("id", "AS-0001-0001-0001").Select("pending_request")).ToListAsync());

        Assert.NotNull(asset.ExtensionData);
        Assert.True(asset.ExtensionData.ContainsKey("pending_request"));
    }

    [Fact]
    public async Task ProductsListConfigurationsAsync_TierProduct_Answers200()
    {
        var configurations = await Client.Products.ListConfigurationsAsync(Demo.TierProduct).ToListAsync();

        Assert.NotNull(configurations);
    }
}
