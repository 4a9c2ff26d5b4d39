using System.Net;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests.Integration;

/// <summary>Fulfillment request reads, parameter updates and every action, against the emulator's state machine.</summary>
public sealed class RequestsIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_KnownId_ReadsTypedDocument()
    {
        var request = await Client.Requests.GetAsync(Demo.ChangePending);

        Assert.Equal(Demo.ChangePending, request.Id);
        Assert.Equal(RequestType.Change, request.Type);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal(Demo.TierProduct, request.Asset!.Product!.Id);
        Assert.NotNull(request.Created);
        Assert.NotEmpty(request.ChangedItems);
    }

    [Fact]
    public async Task GetAsync_UnknownId_Throws404WithEmulatorCode()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.GetAsync("PR-9999-9999-9999-001"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ErrorCode);
        Assert.Equal("GET", ex.Method);
        Assert.Null(await Client.Requests.FindAsync("PR-9999-9999-9999-001"));
    }

    [Fact]
    public async Task UpdateParametersAsync_ValueValueErrorAndNote_AreStoredAndOthersKept()
    {
        var before = await Client.Requests.GetAsync(Demo.CompletePending);
        var email = before.Asset!.GetParamById("customer_email")!.Value;

        var updated = await Client.Requests.UpdateParametersAsync(
            Demo.CompletePending,
            [new Param { Id = "subscription_id", Value = "SUB-42" }, new Param { Id = "param_b", ValueError = "Please check" }],
            "processed by the integration test");
        var reread = await Client.Requests.GetAsync(Demo.CompletePending);

        Assert.Equal("SUB-42", updated!.Asset!.GetParamById("subscription_id")!.Value);
        foreach (var doc in new[] { updated, reread })
        {
            Assert.Equal("SUB-42", doc.Asset!.GetParamById("subscription_id")!.Value);
            Assert.Equal("Please check", doc.Asset.GetParamById("param_b")!.ValueError);
            Assert.Equal(email, doc.Asset.GetParamById("customer_email")!.Value);
            Assert.Equal("processed by the integration test", doc.Note);
        }
    }

    [Fact]
    public async Task UpdateParametersAsync_UnknownParameter_Throws400Req002()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(
            () => Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "no_such_param", Value = "x" }]));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_002", ex.ErrorCode);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_PendingWithParams_ApprovesAndRendersActivationKey()
    {
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "subscription_id", Value = "SUB-1" }]);

        var approved = await Client.Requests.ApproveByTemplateAsync(Demo.CompletePending, Demo.ActivationTemplate);
        var asset = await Client.Assets.GetAsync(approved!.Asset!.Id!);

        Assert.Equal(RequestStatus.Approved, approved.Status);
        Assert.False(string.IsNullOrWhiteSpace(approved.ActivationKey));
        Assert.Equal(AssetStatus.Active, asset.Status);
    }

    [Fact]
    public async Task ApproveByTileAsync_ChangeRequest_StoresTileAndUpdatesQuantities()
    {
        var approved = await Client.Requests.ApproveByTileAsync(Demo.ChangePending, "# Changed\n\nMore storage.");
        var asset = await Client.Assets.GetAsync(approved!.Asset!.Id!);

        Assert.Equal(RequestStatus.Approved, approved.Status);
        Assert.Equal("# Changed\n\nMore storage.", approved.ActivationKey);
        Assert.Equal(10m, asset.GetItemByMpn("MPN-A")!.Quantity);
    }

    [Fact]
    public async Task InquireAsync_AfterValueError_MovesToInquiringAndPendBringsItBack()
    {
        await Client.Requests.UpdateParametersAsync(Demo.MissingEmailPending, [new Param { Id = "customer_email", ValueError = "An email is required." }]);

        var inquiring = await Client.Requests.InquireAsync(Demo.MissingEmailPending);
        var pending = await Client.Requests.PendAsync(Demo.MissingEmailPending);

        Assert.Equal(RequestStatus.Inquiring, inquiring!.Status);
        Assert.Equal("An email is required.", inquiring.Asset!.GetParamById("customer_email")!.ValueError);
        Assert.Equal(RequestStatus.Pending, pending!.Status);
    }

    [Fact]
    public async Task InquireAsync_WithTemplate_MovesToInquiring()
    {
        var inquiring = await Client.Requests.InquireAsync(Demo.MissingEmailPending, Demo.InquireTemplate);

        Assert.Equal(RequestStatus.Inquiring, inquiring!.Status);
    }

    [Fact]
    public async Task PendAsync_SeededInquiring_MovesToPending()
    {
        var pending = await Client.Requests.PendAsync(Demo.Inquiring);

        Assert.Equal(RequestStatus.Pending, pending!.Status);
        Assert.Equal(RequestStatus.Pending, (await Client.Requests.GetAsync(Demo.Inquiring)).Status);
    }

    [Fact]
    public async Task FailAsync_WithReason_FailsAndRejectsPurchaseAsset()
    {
        var failed = await Client.Requests.FailAsync(Demo.MissingEmailPending, "Missing customer email, order again.");
        var asset = await Client.Assets.GetAsync(failed!.Asset!.Id!);

        Assert.Equal(RequestStatus.Failed, failed.Status);
        Assert.Equal("Missing customer email, order again.", failed.Reason);
        Assert.Equal("rejected", asset.Status);
    }

    [Fact]
    public async Task AssignAsync_UserIdThenUnassign_ChangesAssignee()
    {
        var assigned = await Client.Requests.AssignAsync(Demo.CompletePending, "UR-000-000-001");
        var unassigned = await Client.Requests.UnassignAsync(Demo.CompletePending);

        Assert.Equal("UR-000-000-001", assigned!.Assignee!.Id);
        Assert.Equal(RequestStatus.Pending, assigned.Status);
        Assert.True(unassigned!.Assignee is null || string.IsNullOrEmpty(unassigned.Assignee.Id));
    }

    [Fact]
    public async Task InquireAsync_ApprovedRequest_Throws400Req001()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.InquireAsync(Demo.Approved));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_001", ex.ErrorCode);
        Assert.Equal("POST", ex.Method);
        Assert.Contains(Demo.Approved, ex.Url, StringComparison.Ordinal);
        Assert.NotEmpty(ex.Errors);
    }

    [Fact]
    public async Task PendAsync_PendingRequest_Throws400()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.PendAsync(Demo.CompletePending));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_001", ex.ErrorCode);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_UnknownRequest_Throws404()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.ApproveByTemplateAsync("PR-9999-9999-9999-001", Demo.ActivationTemplate));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_SixteenConcurrentCalls_ExactlyOneWins()
    {
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "subscription_id", Value = "SUB-RACE" }]);

        var attempts = Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                return (Request: await Client.Requests.ApproveByTemplateAsync(Demo.CompletePending, Demo.ActivationTemplate), Error: (ConnectApiException?)null);
            }
            catch (ConnectApiException ex)
            {
                return (Request: (FulfillmentRequest?)null, Error: ex);
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Error is null && r.Request!.Status == RequestStatus.Approved);
        var losers = results.Where(r => r.Error is not null).ToList();
        Assert.Equal(15, losers.Count);
        Assert.All(losers, r => Assert.Equal(HttpStatusCode.BadRequest, r.Error!.StatusCode));
    }

    [Fact]
    public async Task AnyCall_WrongApiKey_Throws401WithoutLeakingSecret()
    {
        const string secret = "s3cr3t-value-that-must-not-leak";
        using var client = emulator.CreateClient("ApiKey SU-999-999-999:" + secret);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.GetAsync(Demo.CompletePending));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("AUTH_001", ex.ErrorCode);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.RawBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ApprovedRequest_ReturnsActivationMarkdown()
    {
        var approved = await Client.Requests.GetAsync(Demo.Approved);

        var markdown = await Client.Requests.RenderAsync(Demo.Approved);

        Assert.False(string.IsNullOrWhiteSpace(markdown));
        Assert.Equal(approved.ActivationKey, markdown);
    }
}
