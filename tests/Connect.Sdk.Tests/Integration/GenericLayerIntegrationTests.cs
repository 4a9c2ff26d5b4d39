using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>The untyped fluent layer (<c>Collection</c>, <c>Ns</c>, indexers, actions) and the typed request handle.</summary>
public sealed class GenericLayerIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CollectionIndexerAction_Approve_ReturnsApprovedDocument()
    {
        var request = Client.Collection("requests")[Demo.CompletePending];
        await request.UpdateAsync(JsonNode.Parse("""{"asset":{"params":[{"id":"subscription_id","value":"SUB-GEN"}]}}""")!);

        var answer = await request.ActionAsync("approve", new JsonObject { ["template_id"] = Demo.ActivationTemplate });
        var reread = await request.GetAsync();

        Assert.Equal("approved", answer!["status"]!.GetValue<string>());
        Assert.Equal("approved", reread["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task NsCollection_TierConfigRequests_ListsAndActsWithNoContent()
    {
        var tcrs = Client.Ns("tier").Collection("config-requests");

        var pending = await tcrs.ListAsync(new Query().Equal("status", "pending")).Select(n => n["id"]!.GetValue<string>()).ToListAsync();
        var answer = await tcrs[Demo.FabrikamTcr].ActionAsync("fail", new JsonObject { ["reason"] = "not eligible" });
        var failed = await tcrs[Demo.FabrikamTcr].GetAsync();

        Assert.Equal([Demo.ContosoTcr, Demo.FabrikamTcr], pending.Order(StringComparer.Ordinal));
        Assert.Null(answer);
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CollectionSubCollection_ProductItems_ListsAndCounts()
    {
        var items = Client.Collection("products")[Demo.PpuProduct].Collection("items");

        var mpns = await items.ListAsync().Select(n => n["mpn"]!.GetValue<string>()).ToListAsync();

        Assert.Equal(["MPN-BASE", "MPN-PPU-CALLS", "MPN-PPU-GB"], mpns.Order(StringComparer.Ordinal));
        Assert.Equal(3, await items.CountAsync());
    }

    [Fact]
    public async Task CollectionAction_IllegalTransition_Throws400()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Collection("requests")[Demo.Approved].ActionAsync("fail", new JsonObject { ["reason"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_001", ex.ErrorCode);
    }

    [Fact]
    public async Task RequestsIndexer_Handle_DelegatesToResource()
    {
        var handle = Client.Requests[Demo.CompletePending];

        await handle.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-HANDLE" }], "via handle");
        var before = await handle.GetAsync();
        var approved = await handle.ApproveByTemplateAsync(Demo.ActivationTemplate);

        Assert.Equal(Demo.CompletePending, handle.Id);
        Assert.Equal("via handle", before.Note);
        Assert.Equal(RequestStatus.Approved, approved!.Status);
        Assert.Contains("SUB-HANDLE", approved.ActivationKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsIndexer_InquireFailPend_DelegateToResource()
    {
        var inquiring = await Client.Requests[Demo.MissingEmailPending].InquireAsync();
        var pending = await Client.Requests[Demo.MissingEmailPending].PendAsync();
        var failed = await Client.Requests[Demo.MissingEmailPending].FailAsync("no email");

        Assert.Equal(RequestStatus.Inquiring, inquiring!.Status);
        Assert.Equal(RequestStatus.Pending, pending!.Status);
        Assert.Equal(RequestStatus.Failed, failed!.Status);
    }
}
