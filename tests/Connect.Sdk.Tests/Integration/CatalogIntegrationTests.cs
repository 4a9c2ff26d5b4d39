using System.Net;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>Assets, products, templates, conversations, marketplaces, accounts, contracts, listings and the Directory.</summary>
public sealed class CatalogIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AssetsGetAsync_SuspendedAsset_ReadsItemsAndParams()
    {
        var asset = await Client.Assets.GetAsync("AS-0001-0001-0005");

        Assert.Equal(AssetStatus.Suspended, asset.Status);
        Assert.Equal(Demo.TierProduct, asset.Product!.Id);
        Assert.NotNull(asset.GetItemByMpn("MPN-A"));
        Assert.NotNull(asset.GetParamById("customer_email"));
    }

    [Fact]
    public async Task AssetsListRequestsAsync_AssetWithThreeRequests_ListsThem()
    {
        var ids = await Client.Assets.ListRequestsAsync("AS-0001-0001-0005").Select(r => r.Id).ToListAsync();

        Assert.Equal(["PR-0001-0001-0005-001", "PR-0001-0001-0005-002", "PR-0001-0001-0005-003"], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AssetsListAsync_StatusFilter_MatchesCount()
    {
        var active = await Client.Assets.ListAsync(new Query().Equal("status", AssetStatus.Active)).ToListAsync();

        Assert.NotEmpty(active);
        Assert.All(active, a => Assert.Equal(AssetStatus.Active, a.Status));
        Assert.Equal(active.Count, await Client.Assets.CountAsync(new Query().Equal("status", AssetStatus.Active)));
    }

    [Fact]
    public async Task ProductsGetAsync_TierProduct_ReadsCapabilities()
    {
        var product = await Client.Products.GetAsync(Demo.TierProduct);
        var ppu = await Client.Products.GetAsync(Demo.PpuProduct);

        Assert.Equal("Demo Cloud Storage", product.Name);
        Assert.Equal(1, product.Capabilities!.Tiers!.Configs!.Level);
        Assert.Equal("QT", ppu.Capabilities!.Ppu!.Schema);
    }

    [Fact]
    public async Task ProductsListTemplatesAsync_ByNameAndScope_FindsActivationTemplate()
    {
        var query = new Query(R.Field("name").Eq("Default Activation Template") & R.Field("scope").Eq("asset"));

        var template = await Client.Products.ListTemplatesAsync(Demo.TierProduct, query).SingleAsync();
        var tier = await Client.Products.ListTemplatesAsync(Demo.TierProduct, new Query().Equal("scope", "tier1")).SingleAsync();

        Assert.Equal(Demo.ActivationTemplate, template.Id);
        Assert.Equal(Demo.Tier1Template, tier.Id);
    }

    [Fact]
    public async Task ProductsListParametersAsync_TierProduct_ListsEightParameters()
    {
        var parameters = await Client.Products.ListParametersAsync(Demo.TierProduct).ToListAsync();

        // Ordering, fulfillment and tier parameters (6) and two configuration parameters.
        Assert.Equal(8, parameters.Count);
        Assert.Equal(2, parameters.Count(p => p.Phase == "configuration"));
        Assert.Contains(parameters, p => p.Name == "subscription_id" && p.Phase == "fulfillment");
    }

    [Fact]
    public async Task TemplatesRenderAsync_LegacyForm_RendersRequestParameters()
    {
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "subscription_id", Value = "SUB-RENDER-1" }]);

        var markdown = await Client.Templates.RenderAsync(Demo.ActivationTemplate, Demo.CompletePending);

        Assert.Contains("SUB-RENDER-1", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductsRenderTemplateAsync_ProductForm_UnwrapsJsonString()
    {
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "subscription_id", Value = "SUB-RENDER-2" }]);

        var viaProduct = await Client.Products.RenderTemplateAsync(Demo.TierProduct, Demo.ActivationTemplate, Demo.CompletePending);
        var viaLegacy = await Client.Templates.RenderAsync(Demo.ActivationTemplate, Demo.CompletePending);

        Assert.Contains("SUB-RENDER-2", viaProduct, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", viaProduct, StringComparison.Ordinal);
        Assert.Equal(viaLegacy, viaProduct);
    }

    [Fact]
    public async Task ConversationsGetByInstanceIdAsync_ThenAddMessage_MessageIsListed()
    {
        var conversation = await Client.Conversations.GetByInstanceIdAsync(Demo.CompletePending);
        Assert.NotNull(conversation);
        Assert.Equal(Demo.CompletePending, conversation.InstanceId);

        var message = await Client.Conversations.AddMessageAsync(conversation.Id!, "Checked by the integration test, all good.");
        var messages = await Client.Conversations.ListMessagesAsync(conversation.Id!).ToListAsync();

        Assert.Equal("Checked by the integration test, all good.", message.Text);
        Assert.Contains(messages, m => m.Id == message.Id && m.Text == message.Text);
        Assert.Contains(messages, m => m.Type == ConversationMessageType.StateChange);
    }

    [Fact]
    public async Task ConversationsAddMessageAsync_ByInstanceId_LandsInObjectConversation()
    {
        var message = await Client.Conversations.AddMessageAsync(Demo.ContosoTcr, "Posted to the TCR id, not the CO- id.");
        var conversation = await Client.Conversations.GetByInstanceIdAsync(Demo.ContosoTcr);
        var messages = await Client.Conversations.ListMessagesAsync(conversation!.Id!).ToListAsync();

        Assert.Contains(messages, m => m.Id == message.Id);
        Assert.Equal(ConversationMessageType.Message, message.Type);
    }

    [Fact]
    public async Task RequestsAssignAsync_ByEmail_SetsAssignee()
    {
        var assigned = await Client.Requests.AssignAsync(Demo.CompletePending, "ops@example.com");

        Assert.NotNull(assigned!.Assignee);
        Assert.Equal("ops@example.com", assigned.Assignee.Email);
    }

    [Fact]
    public async Task ListAsync_LegacyPropertiesQuery_FiltersByKeyValue()
    {
        var query = new Query([new KeyValuePair<string, string>("status", "tiers_setup"), new KeyValuePair<string, string>("asset.tiers.tier1.id", Demo.Contoso)]);

        var ids = await Client.Requests.ListAsync(query).Select(r => r.Id).ToListAsync();

        Assert.Equal([Demo.TiersSetupContoso, Demo.TiersSetupContoso2], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConversationsGetByInstanceIdAsync_UnknownInstance_ReturnsNull()
    {
        Assert.Null(await Client.Conversations.GetByInstanceIdAsync("PR-9999-9999-9999-001"));
    }

    [Fact]
    public async Task Marketplaces_ListAndGet_ReadCurrency()
    {
        var all = await Client.Marketplaces.ListAsync().ToListAsync();
        var eu = await Client.Marketplaces.GetAsync(Demo.MarketplaceEu);

        Assert.Equal(["MP-10001", "MP-10002"], all.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal("EUR", eu.Currency);
    }

    [Fact]
    public async Task AccountsFirstOrDefaultAsync_ReturnsVendorAccount()
    {
        var account = await Client.Accounts.FirstOrDefaultAsync();

        Assert.NotNull(account);
        Assert.False(string.IsNullOrEmpty(account.Id));
        Assert.Equal(account.Id, (await Client.Accounts.GetAsync(account.Id)).Id);
    }

    [Fact]
    public async Task ContractsListAsync_DistributionFilter_ReturnsBothContracts()
    {
        var contracts = await Client.Contracts.ListAsync(new Query().In("type", "distribution")).ToListAsync();

        Assert.Equal(["CRD-10001-00001-00001", "CRD-10002-00001-00001"], contracts.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(contracts, c => Assert.Equal("distribution", c.Type));
    }

    [Fact]
    public async Task ListingsListAsync_ListedForPpuProduct_ReturnsTwo()
    {
        var query = new Query().In("product.id", Demo.PpuProduct).Equal("status", "listed");

        var listings = await Client.Listings.ListAsync(query).ToListAsync();

        Assert.Equal(["LST-400-500-601", "LST-400-500-602"], listings.Select(l => l.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Directory_GetsAndLists_ReturnNullForUnknownIds()
    {
        var asset = await Client.Directory.GetAssetAsync("AS-0002-0001-0001");
        var product = await Client.Directory.GetProductAsync(Demo.PpuProduct);
        var config = await Client.Directory.GetTierConfigAsync("TC-128-851-171");
        var configByAccount = await Client.Directory.GetTierConfigAsync(Demo.Northwind, Demo.TierProduct);
        var products = await Client.Directory.ListProductsAsync().Select(p => p.Id).ToListAsync();
        var configs = await Client.Directory.ListTierConfigsAsync(new Query().Equal("product.id", Demo.TierProduct)).ToListAsync();
        var assets = await Client.Directory.ListAssetsAsync(new Query().Equal("product.id", Demo.PpuProduct)).ToListAsync();

        Assert.Equal(AssetStatus.Active, asset!.Status);
        Assert.Equal(Demo.PpuProduct, product!.Id);
        Assert.Equal(Demo.Northwind, config!.Account!.Id);
        Assert.Equal(config.Id, configByAccount!.Id);
        Assert.Equal([Demo.TierProduct, Demo.PpuProduct], products.Order(StringComparer.Ordinal));
        Assert.Equal(3, configs.Count);
        Assert.Equal(2, assets.Count);
        Assert.Null(await Client.Directory.GetAssetAsync("AS-9999-9999-9999"));
        Assert.Null(await Client.Directory.GetProductAsync("PRD-999-999-999"));
        Assert.Null(await Client.Directory.GetTierConfigAsync("TC-999-999-999"));
    }

    [Fact]
    public async Task ProductsGetAsync_UnknownId_Throws404()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Products.GetAsync("PRD-999-999-999"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }
}
