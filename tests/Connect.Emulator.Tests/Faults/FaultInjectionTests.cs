using System.Net;
using Connect.Emulator.Cli;

namespace Connect.Emulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    private const string ApproveBody = """{"template_id":"TL-400-500-601"}""";

    [Fact]
    public async Task Error_MatchingCall_AnswersTheStatusAndNothingIsCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"seed":1,"rules":[{"route":"/public/v1/requests/*/approve","method":"POST","errorRate":1,"status":500,"kind":"error"}]}""");

        var reply = await ApproveUsageAsync(emulator);
        var request = await emulator.Api.FetchAsync($"requests/{Demo.PendingUsagePurchase}");

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("FLT_001", reply.ErrorCode);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(HttpStatusCode.OK, request.Status);
        Assert.Equal("pending", request.Json.Str("status"));
        Assert.DoesNotContain((await emulator.Control.FetchAsync($"audit?object_id={Demo.PendingUsagePurchase}")).Array, e => e.Str("action") == "approve");
    }

    [Fact]
    public async Task Throttle_MatchingCall_Answers429WithRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"/public/v1/products","method":"GET","kind":"throttle","retryAfterSeconds":7}]}""");

        using var response = await emulator.Api.GetAsync("products");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Contains("FLT_002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_MatchingCall_ConnectionAbortedAndNothingCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"/public/v1/requests/*/approve","kind":"reset"}]}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => ApproveUsageAsync(emulator));

        Assert.Equal("pending", (await emulator.Api.FetchAsync($"requests/{Demo.PendingUsagePurchase}")).Json.Str("status"));
        Assert.Equal(1, (await emulator.Control.FetchAsync("faults")).Json["injected"]!["reset"]!.GetValue<int>());
    }

    [Fact]
    public async Task FailAfterCommit_MatchingCall_Answers502ButTheTransitionIsCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"/public/v1/requests/*/approve","method":"POST","kind":"failAfterCommit"}]}""");

        var reply = await ApproveUsageAsync(emulator);
        var audit = await emulator.Control.FetchAsync($"audit?object_id={Demo.PendingUsagePurchase}");

        Assert.Equal(HttpStatusCode.BadGateway, reply.Status);
        Assert.Equal("FLT_003", reply.ErrorCode);
        Assert.Null(reply.ContentRange);
        Assert.Equal("approved", (await emulator.Api.FetchAsync($"requests/{Demo.PendingUsagePurchase}")).Json.Str("status"));
        Assert.Single(audit.Array, e => e.Str("action") == "approve" && e.Str("to") == "approved");
    }

    [Fact]
    public async Task Latency_MatchingCall_RunsNormallyAndIsCounted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"/public/v1/requests/*/approve","kind":"latency","latencyMs":20,"jitterMs":10}]}""");

        var reply = await ApproveUsageAsync(emulator);
        var faults = await emulator.Control.FetchAsync("faults");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("approved", reply.Json.Str("status"));
        Assert.Equal(1, faults.Json["injected"]!["latency"]!.GetValue<int>());
        Assert.Equal(1, faults.Json["rules"]![0]!["injected"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_MethodAndRouteDoNotMatch_CallIsNotFaulted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"/public/v1/requests/*/approve","method":"POST","kind":"error"},{"route":"/public/v1/products","method":"POST","kind":"error"}]}""");

        var get = await emulator.Api.FetchAsync($"requests/{Demo.PendingUsagePurchase}");
        var products = await emulator.Api.FetchAsync("products");
        var faults = await emulator.Control.FetchAsync("faults");

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(HttpStatusCode.OK, products.Status);
        Assert.Equal(0, faults.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ControlRoutes_RuleMatchingEverything_AreNeverFaulted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"rules":[{"route":"^/.*","kind":"error","status":503}]}""");

        var publicCall = await emulator.Api.FetchAsync("products");
        var audit = await emulator.Control.FetchAsync("audit?limit=1");
        var faults = await emulator.Control.FetchAsync("faults");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, publicCall.Status);
        Assert.Equal(HttpStatusCode.OK, audit.Status);
        Assert.Equal(HttpStatusCode.OK, faults.Status);
    }

    [Fact]
    public async Task GetAndDelete_ShowRulesAndCountersThenClear()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var put = await SetAsync(emulator, """{"seed":42,"rules":[{"route":"/public/v1/products/**","kind":"error","status":502,"errorRate":1}]}""");
        await emulator.Api.FetchAsync($"products/{Demo.UsageProduct}/items");
        await emulator.Api.FetchAsync($"products/{Demo.UsageProduct}");

        var shown = await emulator.Control.FetchAsync("faults");
        var deleted = await emulator.Control.SendAsync(HttpMethod.Delete, "faults");
        var after = await emulator.Control.FetchAsync("faults");
        var call = await emulator.Api.FetchAsync($"products/{Demo.UsageProduct}");

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.True(shown.Json["enabled"]!.GetValue<bool>());
        Assert.Equal(42, shown.Json["seed"]!.GetValue<int>());
        Assert.Equal("/public/v1/products/**", shown.Json.Str("rules.0.route"));
        Assert.Equal("*", shown.Json.Str("rules.0.method"));
        Assert.Equal(502, shown.Json["rules"]![0]!["status"]!.GetValue<int>());
        Assert.Equal(2, shown.Json["rules"]![0]!["matched"]!.GetValue<int>());
        Assert.Equal(2, shown.Json["injected"]!["error"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.False(after.Json["enabled"]!.GetValue<bool>());
        Assert.Empty(after.Json["rules"]!.AsArray());
        Assert.Equal(0, after.Json["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, call.Status);
    }

    [Fact]
    public async Task Seed_SameSeed_SameSequenceOfOutcomes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string Rules = """[{"route":"/public/v1/products","kind":"error","errorRate":0.3},{"route":"/public/v1/products","kind":"throttle","errorRate":0.3}]""";

        await SetAsync(emulator, $$"""{"seed":42,"rules":{{Rules}}}""");
        var first = await OutcomesAsync(emulator, 50);
        await SetAsync(emulator, $$"""{"seed":42,"rules":{{Rules}}}""");
        var second = await OutcomesAsync(emulator, 50);
        await SetAsync(emulator, $$"""{"seed":43,"rules":{{Rules}}}""");
        var other = await OutcomesAsync(emulator, 50);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
    }

    [Fact]
    public async Task Seed_Omitted_ChosenSeedIsShownAndRepeatsTheRun()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string Rules = """[{"route":"/public/v1/products","kind":"error","errorRate":0.5}]""";

        var put = await SetAsync(emulator, $$"""{"rules":{{Rules}}}""");
        var first = await OutcomesAsync(emulator, 30);
        await SetAsync(emulator, $$"""{"seed":{{put.Json["seed"]!.GetValue<int>()}},"rules":{{Rules}}}""");
        var second = await OutcomesAsync(emulator, 30);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("""{"rules":[{"route":"/public/v1/products","errorRate":2}]}""", "rules[0].errorRate")]
    [InlineData("""{"rules":[{"route":"/public/v1/products","kind":"boom"}]}""", "rules[0].kind")]
    [InlineData("""{"rules":[{"route":"/public/v1/products","kind":"error","status":200}]}""", "rules[0].status")]
    [InlineData("""{"rules":[{"route":"/public/v1/products","kind":"throttle","status":503}]}""", "rules[0].status")]
    [InlineData("""{"rules":[{"route":"/public/v1/products"},{"route":"products"}]}""", "rules[1].route")]
    [InlineData("""{"rules":[{"route":"^(unclosed"}]}""", "rules[0].route")]
    [InlineData("""{"rules":[{"kind":"error"}]}""", "rules[0].route")]
    [InlineData("""{"rules":[{"route":"/x","latencyMs":-1}]}""", "rules[0]")]
    [InlineData("""{"seed":"x","rules":[]}""", "seed")]
    [InlineData("""{"rules":[{"route":"/x","errorRate":"high"}]}""", "rules[0].errorRate")]
    [InlineData("""not json""", "not valid JSON")]
    [InlineData("""42""", "must be an object")]
    public async Task Put_InvalidConfiguration_Answers400NamingTheFieldAndKeepsTheRules(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await SetAsync(emulator, """{"seed":5,"rules":[{"route":"/public/v1/assets","kind":"error"}]}""");

        var reply = await emulator.Control.PutAsync("faults", body);
        var shown = await emulator.Control.FetchAsync("faults");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.Contains(expected, reply.FirstError, StringComparison.Ordinal);
        Assert.Equal(5, shown.Json["seed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Put_BareArray_IsAcceptedAsRules()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PutAsync("faults", """[{"route":"/public/v1/products","kind":"error"}]""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await emulator.Api.FetchAsync("products")).Status);
    }

    [Fact]
    public async Task FaultsFile_AtStart_RulesAreActive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"faults-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"seed":3,"rules":[{"route":"/public/v1/products","kind":"error","status":502}]}""");
        try
        {
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, FaultsFile = path });
            using var api = TestEmulator.NewClient(host.BaseUrl, TestEmulator.Key);

            Assert.Equal(HttpStatusCode.BadGateway, (await api.FetchAsync("products")).Status);
            Assert.Equal(HttpStatusCode.OK, (await api.FetchAsync("marketplaces")).Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("""{"rules":[{"route":"/x","kind":"boom"}]}""")]
    public async Task FaultsFile_MissingOrInvalid_StartFailsNamingTheFile(string? content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"faults-{Guid.NewGuid():N}.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        try
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, FaultsFile = path }));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_FaultsOption_SetsTheFile()
    {
        var options = CommandLine.Parse(["--faults", "rules.json"])!;

        Assert.Equal("rules.json", options.FaultsFile);
        Assert.Null(CommandLine.Parse([])!.FaultsFile);
    }

    private static async Task<Reply> SetAsync(TestEmulator emulator, string json)
    {
        var reply = await emulator.Control.PutAsync("faults", json);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply;
    }

    /// <summary>Fills the required parameter of the pending pay-per-use purchase (not faulted), then approves it.</summary>
    private static async Task<Reply> ApproveUsageAsync(TestEmulator emulator)
    {
        var put = await emulator.Api.PutAsync($"requests/{Demo.PendingUsagePurchase}", """{"asset":{"params":[{"id":"account_id","value":"ACC-0002"}]}}""");
        Assert.Equal(HttpStatusCode.OK, put.Status);
        return await emulator.Api.PostAsync($"requests/{Demo.PendingUsagePurchase}/approve", ApproveBody);
    }

    private static async Task<List<HttpStatusCode>> OutcomesAsync(TestEmulator emulator, int calls)
    {
        var outcomes = new List<HttpStatusCode>(calls);
        for (var i = 0; i < calls; i++)
        {
            outcomes.Add((await emulator.Api.FetchAsync("products")).Status);
        }

        return outcomes;
    }
}
