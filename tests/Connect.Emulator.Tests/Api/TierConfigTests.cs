using System.Net;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Api;

public sealed class TierConfigTests
{
    private const string ApproveBody = $$"""{ "template":{ "id":"{{Demo.TierTemplate}}" } }""";

    private static async Task<JsonNode> PendingTcrAsync(TestEmulator emulator, string account)
    {
        var list = await emulator.Api.FetchAsync($"tier/config-requests?status=pending&configuration.account.id={account}");
        return Assert.Single(list.Array)!;
    }

    [Fact]
    public async Task List_Seed_HasPendingSetupRequestsForContosoAndFabrikam()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("tier/config-requests?status=pending");

        Assert.Equal("items 0-1/2", reply.ContentRange);
        Assert.All(reply.Array, r => Assert.Equal("setup", r.Str("type")));
        Assert.All(reply.Array, r => Assert.Equal("processing", r.Str("configuration.status")));
    }

    [Fact]
    public async Task Approve_PendingSetup_ActivatesConfigAndReleasesTiersSetupPurchases()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var tcr = await PendingTcrAsync(emulator, Demo.ResellerContoso);
        var id = tcr.Str("id");
        Assert.StartsWith("TCR-" + tcr.Str("configuration.id")[3..] + "-", id, StringComparison.Ordinal);

        var reply = await emulator.Api.PostAsync($"tier/config-requests/{id}/approve", ApproveBody);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("approved", reply.Json.Str("status"));
        Assert.Equal(Demo.TierTemplate, reply.Json.Str("template.id"));
        Assert.StartsWith("# Reseller setup complete", reply.Json.Str("template.representation"), StringComparison.Ordinal);
        Assert.NotNull(reply.Json["effective_date"]);
        var config = await emulator.Api.FetchAsync($"tier/configs/{tcr.Str("configuration.id")}");
        Assert.Equal("active", config.Json.Str("status"));
        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{Demo.TiersSetupContoso1}")).Json.Str("status"));
        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{Demo.TiersSetupContoso2}")).Json.Str("status"));
        Assert.Equal("tiers_setup", (await emulator.Api.FetchAsync($"requests/{Demo.TiersSetupFabrikam}")).Json.Str("status"));
        var audit = await emulator.Control.FetchAsync($"audit?object_id={Demo.TiersSetupContoso1}");
        Assert.Contains(audit.Array, e => e!["from"]?.GetValue<string>() == "tiers_setup" && e.Str("to") == "pending");
    }

    [Fact]
    public async Task Approve_WithRepresentationOnly_StoresIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");

        var reply = await emulator.Api.PostAsync($"tier/config-requests/{id}/approve", """{"template":{"representation":"# Tile"}}""");

        Assert.Equal("# Tile", reply.Json.Str("template.representation"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData($$"""{ "template":{ "id":"{{Demo.ActivationTemplate}}" } }""")]
    [InlineData("""{"template":{"id":"TL-000-000-000"}}""")]
    public async Task Approve_MissingOrWrongTemplate_Answers400Tcr003(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");

        var reply = await emulator.Api.PostAsync($"tier/config-requests/{id}/approve", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TCR_003", reply.ErrorCode);
    }

    [Fact]
    public async Task InquirePendFail_Answer204AndMoveTheStatus()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");
        var path = $"tier/config-requests/{id}";

        var inquire = await emulator.Api.PostAsync(path + "/inquire");
        var inquiring = (await emulator.Api.FetchAsync(path)).Json.Str("status");
        var pend = await emulator.Api.PostAsync(path + "/pend", "{}");
        var pending = (await emulator.Api.FetchAsync(path)).Json.Str("status");
        var fail = await emulator.Api.PostAsync(path + "/fail", """{"reason":"Unknown reseller"}""");
        var failed = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, inquire.Status);
        Assert.Equal(string.Empty, inquire.Text);
        Assert.Equal("inquiring", inquiring);
        Assert.Equal(HttpStatusCode.NoContent, pend.Status);
        Assert.Equal("pending", pending);
        Assert.Equal(HttpStatusCode.NoContent, fail.Status);
        Assert.Equal("failed", failed.Json.Str("status"));
        Assert.Equal("Unknown reseller", failed.Json.Str("reason"));
    }

    [Theory]
    [InlineData("pend")]
    [InlineData("submit")]
    public async Task Action_NotAllowedFromPending_Answers400Tcr001(string action)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");

        var reply = await emulator.Api.PostAsync($"tier/config-requests/{id}/{action}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TCR_001", reply.ErrorCode);
    }

    [Fact]
    public async Task AssignUnassign_Answer204()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");

        var assign = await emulator.Api.PostAsync($"tier/config-requests/{id}/assign");
        var assignee = (await emulator.Api.FetchAsync($"tier/config-requests/{id}")).Json.Str("assignee.id");
        var unassign = await emulator.Api.PostAsync($"tier/config-requests/{id}/unassign");

        Assert.Equal(HttpStatusCode.NoContent, assign.Status);
        Assert.Equal("SU-000-000-000", assignee);
        Assert.Equal(HttpStatusCode.NoContent, unassign.Status);
    }

    [Fact]
    public async Task Put_ParamsAndNotes_UpdateAndUnknownParamAnswers400Tcr002()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = (await PendingTcrAsync(emulator, Demo.ResellerFabrikam)).Str("id");

        var ok = await emulator.Api.PutAsync($"tier/config-requests/{id}", """{"params":[{"id":"reseller_account_id","value":"RA-9"}],"notes":"n"}""");
        var bad = await emulator.Api.PutAsync($"tier/config-requests/{id}", """{"params":[{"id":"nope","value":"x"}]}""");

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("n", ok.Json.Str("notes"));
        Assert.Equal("RA-9", ok.Json["params"]!.AsArray().Single(p => p.Str("id") == "reseller_account_id").Str("value"));
        Assert.Equal("TCR_002", bad.ErrorCode);
    }

    [Fact]
    public async Task Create_UpdateRequestForActiveConfig_Answers201AndBlocksASecond()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var config = Assert.Single((await emulator.Api.FetchAsync($"tier/configs?account.id={Demo.ResellerNorthwind}")).Array)!;
        var body = $$"""{"configuration":{"id":"{{config.Str("id")}}"},"params":[{"id":"partner_number","value":"NW-0002"}]}""";

        var created = await emulator.Api.PostAsync("tier/config-requests", body);
        var second = await emulator.Api.PostAsync("tier/config-requests", body);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("update", created.Json.Str("type"));
        Assert.Equal("pending", created.Json.Str("status"));
        Assert.Equal("TCR_004", second.ErrorCode);
    }

    [Fact]
    public async Task Create_SetupForNewAccount_CreatesProcessingConfig()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var created = await emulator.Api.PostAsync("tier/config-requests",
            $$"""{ "configuration":{ "product":{ "id":"{{Demo.TierProduct}}" },"account":{ "id":"TA-3000-0000-0001","external_uid":"u-1","name":"New Reseller" },"tier_level":1 } }""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("setup", created.Json.Str("type"));
        Assert.Equal("processing", created.Json.Str("configuration.status"));
        Assert.Equal("TA-3000-0000-0001", created.Json.Str("configuration.account.id"));
    }

    [Fact]
    public async Task Render_ApprovedSetup_AnswersMarkdown()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var approved = Assert.Single((await emulator.Api.FetchAsync("tier/config-requests?status=approved")).Array)!;

        var reply = await emulator.Api.FetchAsync($"tier/config-requests/{approved.Str("id")}/render");

        Assert.Equal("text/markdown", reply.ContentType);
        Assert.Contains("Partner number: **NW-0001**", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ApprovedRequest_Answers400Tcr005()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var approved = Assert.Single((await emulator.Api.FetchAsync("tier/config-requests?status=approved")).Array)!;

        var reply = await emulator.Api.PutAsync($"tier/config-requests/{approved.Str("id")}", """{"notes":"late"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TCR_005", reply.ErrorCode);
    }

    [Fact]
    public async Task Submit_DraftRequest_MovesToPending()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var draft = await emulator.Api.PostAsync("tier/config-requests",
            $$"""{"status":"draft","configuration":{"product":{"id":"{{Demo.TierProduct}}"},"account":{"id":"TA-3000-0000-0002"},"tier_level":1} }""");
        Assert.Equal("draft", draft.Json.Str("status"));

        var submitted = await emulator.Api.PostAsync($"tier/config-requests/{draft.Json.Str("id")}/submit");

        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Equal("pending", submitted.Json.Str("status"));
    }

    [Fact]
    public async Task Get_UnknownTierConfigRequest_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("tier/config-requests/TCR-000-000-000-001/inquire");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }
}
