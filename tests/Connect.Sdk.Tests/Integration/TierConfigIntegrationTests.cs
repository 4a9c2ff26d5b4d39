using System.Net;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>Tier config requests and tier configs against the emulator.</summary>
public sealed class TierConfigIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListAsync_PendingForProduct_ReturnsSeededTcrs()
    {
        var query = new Query(R.Field("configuration.product.id").In(Demo.TierProduct) & R.Field("status").In(TierConfigRequestStatus.Pending));

        var ids = await Client.TierConfigRequests.ListAsync(query).Select(t => t.Id).ToListAsync();

        Assert.Equal([Demo.ContosoTcr, Demo.FabrikamTcr], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_PendingTcr_ReadsConfigurationAndParams()
    {
        var tcr = await Client.TierConfigRequests.GetAsync(Demo.ContosoTcr);

        Assert.Equal(TierConfigRequestStatus.Pending, tcr.Status);
        Assert.Equal(TierConfigRequestType.Setup, tcr.Type);
        Assert.Equal(Demo.Contoso, tcr.Configuration!.Account!.Id);
        Assert.Equal(Demo.TierProduct, tcr.Configuration.Product!.Id);
        Assert.NotEmpty(tcr.Params!);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_PendingTcr_ActivatesConfigAndReleasesTiersSetupPurchases()
    {
        await Client.TierConfigRequests.UpdateParametersAsync(Demo.ContosoTcr, [new Param { Id = "reseller_account_id", Value = "RES-1" }], "set by test");

        var answer = await Client.TierConfigRequests.ApproveByTemplateAsync(Demo.ContosoTcr, Demo.Tier1Template);
        var tcr = await Client.TierConfigRequests.GetAsync(Demo.ContosoTcr);
        var config = await Client.TierConfigs.GetAsync(Demo.Contoso, Demo.TierProduct);

        Assert.NotNull(answer);
        Assert.Equal(Demo.Tier1Template, answer.Template!.Id);
        Assert.Equal(TierConfigRequestStatus.Approved, tcr.Status);
        Assert.Equal("active", config!.Status);
        Assert.Equal("RES-1", config.Params!.First(p => p.Id == "reseller_account_id").Value);
        Assert.Equal(RequestStatus.Pending, (await Client.Requests.GetAsync(Demo.TiersSetupContoso)).Status);
        Assert.Equal(RequestStatus.Pending, (await Client.Requests.GetAsync(Demo.TiersSetupContoso2)).Status);
        Assert.Equal(RequestStatus.TiersSetup, (await Client.Requests.GetAsync(Demo.TiersSetupFabrikam)).Status);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_AssetTemplate_Throws400Tcr003()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.TierConfigRequests.ApproveByTemplateAsync(Demo.ContosoTcr, Demo.ActivationTemplate));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("TCR_003", ex.ErrorCode);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_NoRequiredTierParams_ApprovesAndRendersRepresentation()
    {
        var tcr = await Client.TierConfigRequests.GetAsync(Demo.FabrikamTcr);
        Assert.DoesNotContain(tcr.Params!, p => p.Phase == "fulfillment" && p.Constraints?.Required == true);

        var answer = await Client.TierConfigRequests.ApproveByTemplateAsync(Demo.FabrikamTcr, Demo.Tier1Template);

        Assert.Equal(TierConfigRequestStatus.Approved, answer!.Status);
        Assert.False(string.IsNullOrWhiteSpace(answer.Template!.Representation));
        Assert.Equal(RequestStatus.Pending, (await Client.Requests.GetAsync(Demo.TiersSetupFabrikam)).Status);
    }

    [Fact]
    public async Task InquireAsync_AfterValueError_AnswersNoContentAndPendRestores()
    {
        await Client.TierConfigRequests.UpdateParametersAsync(Demo.FabrikamTcr, [new Param { Id = "partner_number", ValueError = "Unknown partner number." }]);

        await Client.TierConfigRequests.InquireAsync(Demo.FabrikamTcr);
        var inquiring = await Client.TierConfigRequests.GetAsync(Demo.FabrikamTcr);
        await Client.TierConfigRequests.PendAsync(Demo.FabrikamTcr);
        var pending = await Client.TierConfigRequests.GetAsync(Demo.FabrikamTcr);

        Assert.Equal(TierConfigRequestStatus.Inquiring, inquiring.Status);
        Assert.Equal("Unknown partner number.", inquiring.Params!.First(p => p.Id == "partner_number").ValueError);
        Assert.Equal(TierConfigRequestStatus.Pending, pending.Status);
    }

    [Fact]
    public async Task FailAsync_PendingTcr_FailsAndConfigStaysProcessing()
    {
        await Client.TierConfigRequests.FailAsync(Demo.FabrikamTcr, "Reseller not eligible, contact support.");
        var tcr = await Client.TierConfigRequests.GetAsync(Demo.FabrikamTcr);
        var config = await Client.TierConfigs.GetAsync(tcr.Configuration!.Account!.Id!, Demo.TierProduct);

        Assert.Equal(TierConfigRequestStatus.Failed, tcr.Status);
        Assert.Equal("Reseller not eligible, contact support.", tcr.Reason);
        Assert.Equal("processing", config!.Status);
    }

    [Fact]
    public async Task AssignAsync_Then_Unassign_AnswerNoContent()
    {
        await Client.TierConfigRequests.AssignAsync(Demo.ContosoTcr, "UR-000-000-002");
        var assigned = await Client.TierConfigRequests.GetAsync(Demo.ContosoTcr);
        await Client.TierConfigRequests.UnassignAsync(Demo.ContosoTcr);
        var unassigned = await Client.TierConfigRequests.GetAsync(Demo.ContosoTcr);

        Assert.Equal("UR-000-000-002", assigned.Assignee!.Id);
        Assert.True(unassigned.Assignee is null || string.IsNullOrEmpty(unassigned.Assignee.Id));
    }

    [Fact]
    public async Task PendAsync_ApprovedTcr_Throws400Tcr001()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.TierConfigRequests.PendAsync(Demo.NorthwindTcr));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("TCR_001", ex.ErrorCode);
    }

    [Fact]
    public async Task TierConfigsGetAsync_AccountAndProduct_FindsActiveConfigOrNull()
    {
        var northwind = await Client.TierConfigs.GetAsync(Demo.Northwind, Demo.TierProduct);
        var none = await Client.TierConfigs.GetAsync(Demo.Northwind, Demo.PpuProduct);

        Assert.Equal("TC-128-851-171", northwind!.Id);
        Assert.Equal("active", northwind.Status);
        Assert.Equal(1, northwind.TierLevel);
        Assert.Null(none);
    }
}
