using System.Net;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>The subscriptions module, hubs, product versions and connections, tier config rendering and usage reconciliations.</summary>
public sealed class SubscriptionsAndPlatformIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SubscriptionsAssets_ListAndGet_SameDocumentsAsAssets()
    {
        var subscriptions = await Client.Subscriptions.Assets.ListAsync(new Query().Equal("product.id", Demo.TierProduct)).ToListAsync();
        var assets = await Client.Assets.ListAsync(new Query().Equal("product.id", Demo.TierProduct)).ToListAsync();
        var one = await Client.Subscriptions.Assets.GetAsync("AS-0001-0001-0005");

        Assert.Equal(assets.Select(a => a.Id), subscriptions.Select(s => s.Id));
        Assert.Equal(AssetStatus.Suspended, one.Status);
        Assert.NotNull(one.GetParamById("customer_email"));
        Assert.True(one.ExtensionData?.ContainsKey("pending_request"), "subscriptions/assets always carries pending_request");
    }

    [Fact]
    public async Task SubscriptionsRequests_DemoHasNoBillingRequests_EmptyListAnd404()
    {
        var requests = await Client.Subscriptions.Requests.ListAsync().ToListAsync();
        var missing = await Client.Subscriptions.Requests.FindAsync("BRV-000-000-000-0001");
        var error = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Subscriptions.Requests.GetAsync("BRV-000-000-000-0001"));

        Assert.Empty(requests);
        Assert.Null(missing);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Hubs_ListGetAndChildren_ReadTheDemoHub()
    {
        var hubs = await Client.Hubs.ListAsync().ToListAsync();
        var hub = await Client.Hubs.GetAsync("HB-0000-0001");
        var connections = await Client.Hubs.ListConnectionsAsync("HB-0000-0001").ToListAsync();
        var marketplaces = await Client.Hubs.ListMarketplacesAsync("HB-0000-0001").ToListAsync();

        Assert.Equal("HB-0000-0001", Assert.Single(hubs).Id);
        Assert.Equal("Demo Hub", hub.Name);
        Assert.Equal(2, connections.Count);
        Assert.Contains(connections, c => c.Product?.Id == Demo.TierProduct);
        Assert.Equal(["MP-10001", "MP-10002"], marketplaces.Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProductVersionsAndConnections_TierProduct_OneVersionOneConnection()
    {
        var versions = await Client.Products.ListVersionsAsync(Demo.TierProduct).ToListAsync();
        var first = await Client.Products.GetVersionAsync(Demo.TierProduct, 1);
        var connections = await Client.Products.ListConnectionsAsync(Demo.TierProduct).ToListAsync();
        var absent = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Products.GetVersionAsync(Demo.TierProduct, 2));

        Assert.Equal(Demo.TierProduct, Assert.Single(versions).Id);
        Assert.Equal(Demo.TierProduct, first.Id);
        Assert.Equal("HB-0000-0001", Assert.Single(connections).Hub?.Id);
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }

    [Fact]
    public async Task TierConfigRender_ActiveConfig_RendersItsTemplate()
    {
        var active = await Client.TierConfigs.FirstOrDefaultAsync(new Query().Equal("status", "active"));

        var markdown = await Client.TierConfigs.RenderAsync(active!.Id!);

        Assert.Contains("RA-NW-0001", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageReconciliations_DemoHasNone_EmptyList()
    {
        Assert.Equal(0, await Client.UsageReconciliations.CountAsync());
        Assert.Null(await Client.UsageReconciliations.FindAsync("UR-0000-0000-0000"));
    }
}
