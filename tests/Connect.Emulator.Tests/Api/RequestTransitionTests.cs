using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class RequestTransitionTests
{
    private const string Approve = $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""";

    private static async Task FillSubscriptionIdAsync(TestEmulator emulator, string requestId) =>
        Assert.Equal(HttpStatusCode.OK, (await emulator.Api.PutAsync(
            $"requests/{requestId}", """{"asset":{"params":[{"id":"subscription_id","value":"SUB-42"}]}}""")).Status);

    [Fact]
    public async Task Approve_PendingPurchaseWithTemplate_ApprovesRendersAndActivatesAsset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await FillSubscriptionIdAsync(emulator, Demo.PendingPurchase);

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", Approve);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("approved", reply.Json.Str("status"));
        Assert.Equal("active", reply.Json.Str("asset.status"));
        Assert.Contains("Your subscription **SUB-42** for tenant `acme` is active.", reply.Json.Str("activation_key"), StringComparison.Ordinal);
        Assert.Contains("Parameter B: ****", reply.Json.Str("activation_key"), StringComparison.Ordinal);
        var asset = await emulator.Api.FetchAsync($"assets/{Demo.PendingPurchaseAsset}");
        Assert.Equal("active", asset.Json.Str("status"));
        Assert.Equal("SUB-42", asset.Json.Param("subscription_id").Str("value"));
    }

    [Fact]
    public async Task Approve_WithActivationTile_StoresTileAsActivationKey()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await FillSubscriptionIdAsync(emulator, Demo.PendingPurchase);

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", """{"activation_tile":"# Done"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("# Done", reply.Json.Str("activation_key"));
    }

    [Fact]
    public async Task Approve_AlreadyApproved_Answers400Req001()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await FillSubscriptionIdAsync(emulator, Demo.PendingPurchase);
        await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", Approve);

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", Approve);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_001", reply.ErrorCode);
        Assert.Contains("approved", reply.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_RequiredFulfillmentParameterEmpty_Answers400Req003()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", Approve);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_003", reply.ErrorCode);
        Assert.Contains("subscription_id", reply.FirstError, StringComparison.Ordinal);
        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}")).Json.Str("status"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"template_id":"TL-999-999-999"}""")]
    [InlineData($$"""{"template_id":"{{Demo.TierTemplate}}"}""")]
    public async Task Approve_MissingOrWrongTemplate_Answers400Req004(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await FillSubscriptionIdAsync(emulator, Demo.PendingPurchase);

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_004", reply.ErrorCode);
    }

    [Fact]
    public async Task Approve_FromInquiring_IsAllowed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await FillSubscriptionIdAsync(emulator, Demo.InquiringPurchase);

        var reply = await emulator.Api.PostAsync($"requests/{Demo.InquiringPurchase}/approve/", Approve);

        Assert.Equal("approved", reply.Json.Str("status"));
    }

    [Fact]
    public async Task Inquire_ThenPend_GoesInquiringThenPending()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var inquired = await emulator.Api.PostAsync($"requests/{Demo.MissingParamPurchase}/inquire", "{}");
        var pended = await emulator.Api.PostAsync($"requests/{Demo.MissingParamPurchase}/pend");

        Assert.Equal("inquiring", inquired.Json.Str("status"));
        Assert.Equal("pending", pended.Json.Str("status"));
    }

    [Theory]
    [InlineData("pend", "")]
    [InlineData("purchase", "")]
    [InlineData("confirm", "")]
    [InlineData("revoke", """{"reason":"x"}""")]
    public async Task Action_NotAllowedFromPending_Answers400Req001(string action, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/{action}", body.Length == 0 ? null : body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Inquire_FromInquiring_Answers400Req001()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.InquiringPurchase}/inquire", "{}");

        Assert.Equal("REQ_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Fail_PendingPurchase_FailsWithReasonAndRejectsAsset()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/fail", """{"reason":"Out of stock"}""");
        var again = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/fail", """{"reason":"again"}""");

        Assert.Equal("failed", reply.Json.Str("status"));
        Assert.Equal("Out of stock", reply.Json.Str("reason"));
        Assert.Equal("rejected", (await emulator.Api.FetchAsync($"assets/{Demo.PendingPurchaseAsset}")).Json.Str("status"));
        Assert.Equal("REQ_001", again.ErrorCode);
    }

    [Fact]
    public async Task Fail_PendingSuspend_KeepsAssetActive()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.Api.PostAsync($"requests/{Demo.PendingSuspend}/fail", """{"reason":"no"}""");

        Assert.Equal("active", (await emulator.Api.FetchAsync("assets/AS-0001-0001-0004")).Json.Str("status"));
    }

    [Theory]
    [InlineData(Demo.PendingSuspend, "AS-0001-0001-0004", "suspended")]
    [InlineData(Demo.PendingResume, "AS-0001-0001-0005", "active")]
    [InlineData(Demo.PendingCancel, "AS-0001-0001-0006", "terminated")]
    [InlineData(Demo.PendingChange, "AS-0001-0001-0003", "active")]
    public async Task Approve_AssetRequest_AssetStatusFollows(string requestId, string assetId, string assetStatus)
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(assetId == "AS-0001-0001-0005" ? "suspended" : "active", (await emulator.Api.FetchAsync($"assets/{assetId}")).Json.Str("status"));

        var reply = await emulator.Api.PostAsync($"requests/{requestId}/approve", Approve);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(assetStatus, (await emulator.Api.FetchAsync($"assets/{assetId}")).Json.Str("status"));
        Assert.Equal(assetStatus, reply.Json.Str("asset.status"));
    }

    [Fact]
    public async Task Approve_Change_AssetTakesNewQuantities()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var change = await emulator.Api.FetchAsync($"requests/{Demo.PendingChange}");
        Assert.Equal("5", change.Json.Str("asset.items.0.old_quantity"));
        Assert.Equal("10", change.Json.Str("asset.items.0.quantity"));

        await emulator.Api.PostAsync($"requests/{Demo.PendingChange}/approve", Approve);

        var asset = await emulator.Api.FetchAsync("assets/AS-0001-0001-0003");
        Assert.Equal("10", asset.Json.Str("items.0.quantity"));
        Assert.Equal("MPN-B", asset.Json.Str("items.1.mpn"));
    }

    [Fact]
    public async Task Assign_ByIdByEmailAndByPath_SetsAssigneeAndUnassignClears()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";

        var byId = await emulator.Api.PostAsync(path + "/assign", """{"id":"UR-123-456-789"}""");
        var byEmail = await emulator.Api.PostAsync(path + "/assign", """{"email":"ops@example.com"}""");
        var byPath = await emulator.Api.PostAsync(path + "/assign/UR-000-000-777");
        var cleared = await emulator.Api.PostAsync(path + "/unassign");

        Assert.Equal("UR-123-456-789", byId.Json.Str("assignee.id"));
        Assert.Equal("ops@example.com", byEmail.Json.Str("assignee.email"));
        Assert.StartsWith("UR-", byEmail.Json.Str("assignee.id"), StringComparison.Ordinal);
        Assert.Equal("UR-000-000-777", byPath.Json.Str("assignee.id"));
        Assert.Equal(string.Empty, cleared.Json.Str("assignee"));
        Assert.Equal("pending", cleared.Json.Str("status"));
    }

    [Fact]
    public async Task Assign_NoBody_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/assign", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task ScheduleRevokeConfirm_FollowTheScheduledChain()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";

        var scheduled = await emulator.Api.PostAsync(path + "/schedule", """{"planned_date":"2030-01-01T14:00:00+01:00"}""");
        var revoking = await emulator.Api.PostAsync(path + "/revoke", """{"reason":"changed mind"}""");
        var revoked = await emulator.Api.PostAsync(path + "/confirm", "{}");

        Assert.Equal("scheduled", scheduled.Json.Str("status"));
        Assert.Equal("2030-01-01T14:00:00+01:00", scheduled.Json.Str("planned_date"));
        Assert.Equal("revoking", revoking.Json.Str("status"));
        Assert.Equal("revoked", revoked.Json.Str("status"));
    }

    [Fact]
    public async Task Purchase_DraftRequest_MovesToPending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var draft = await emulator.Control.PostAsync("requests", $$"""{"type":"purchase","product_id":"{{Demo.UsageProduct}}","status":"draft"}""");
        Assert.Equal("draft", draft.Json.Str("status"));

        var reply = await emulator.Api.PostAsync($"requests/{draft.Json.Str("id")}/purchase", "null");

        Assert.Equal("pending", reply.Json.Str("status"));
    }

    [Fact]
    public async Task Get_UnknownRequest_Answers404NotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("requests/PR-9999-9999-9999-001");
        var action = await emulator.Api.PostAsync("requests/PR-9999-9999-9999-001/approve", Approve);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, action.Status);
    }

    [Fact]
    public async Task Post_UnknownAction_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/explode", "{}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }

    [Fact]
    public async Task Post_BodyIsNotJson_Answers400Val001WithoutStackTrace()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/fail", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.DoesNotContain(" at Connect.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ApprovedRequest_AnswersMarkdownActivation()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"requests/{Demo.ApprovedUsagePurchase}/render");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("text/markdown", reply.ContentType);
        Assert.Contains("Your account id is **ACC-0001**.", reply.Text, StringComparison.Ordinal);
    }
}
