using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Testing.Tests;

public sealed class OfflineConnectTests
{
    [Fact]
    public async Task Client_GetAndUpdateParameters_ChangesTheServedRequestAndRecordsCalls()
    {
        using var connect = new OfflineConnect();
        var request = Requests.Purchase().WithId("PR-1-1-1-001").WithFulfillmentParameter("subscription_id").Build();
        connect.Add(request);

        var fetched = await connect.Client.Requests.GetAsync("PR-1-1-1-001");
        await connect.Client.Requests.UpdateParametersAsync("PR-1-1-1-001", [new Param { Id = "subscription_id", Value = "SUB-9" }]);

        Assert.Equal(request.Asset!.Id, fetched.Asset!.Id);
        ConnectAssert.ParameterValue(connect.Request("PR-1-1-1-001"), "subscription_id", "SUB-9");
        Assert.Equal(["GET requests/PR-1-1-1-001", "PUT requests/PR-1-1-1-001"], connect.Calls.Select(c => c.ToString()));
        Assert.Contains("\"SUB-9\"", connect.Calls[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_ConversationMessage_IsKeptPerRequest()
    {
        using var connect = new OfflineConnect();
        connect.Add(Requests.Purchase().WithId("PR-1-1-1-001").Build());

        var conversation = await connect.Client.Conversations.GetByInstanceIdAsync("PR-1-1-1-001");
        await connect.Client.Conversations.AddMessageAsync(conversation!.Id!, "Subscription created.");

        Assert.Equal(["Subscription created."], connect.Messages("PR-1-1-1-001"));
    }

    [Fact]
    public async Task Client_TierConfigByAccountAndProduct_Found()
    {
        using var connect = new OfflineConnect();
        var setup = TierConfigRequests.Setup().ForTierConfig("TC-1-2-3").Build();
        setup.Configuration!.Status = "active";
        connect.Add(setup.Configuration);

        var config = await connect.Client.TierConfigs.GetAsync(DemoDefaults.Tier1Id, DemoDefaults.ProductId);
        var none = await connect.Client.TierConfigs.GetAsync("TA-9", DemoDefaults.ProductId);

        Assert.Equal("TC-1-2-3", config!.Id);
        Assert.Null(none);
    }

    [Fact]
    public async Task Client_TemplatesByNameAndScope_AsTheProcessorLooksThemUp()
    {
        using var connect = new OfflineConnect();
        connect.AddTemplate("PRD-1", "TL-1", "Default Activation Template").AddTemplate("PRD-1", "TL-2", "Default Activation Template", "tier1");
        var query = new Connect.Sdk.Rql.Query().Where(Connect.Sdk.Rql.R.And(
            Connect.Sdk.Rql.R.Field("name").Eq("Default Activation Template"), Connect.Sdk.Rql.R.Field("scope").Eq("tier1"))).Limit(1);

        var found = await connect.Client.Products.ListTemplatesAsync("PRD-1", query).ToListAsync();
        var none = await connect.Client.Products.ListTemplatesAsync("PRD-2", query).ToListAsync();

        Assert.Equal("TL-2", Assert.Single(found).Id);
        Assert.Empty(none);
        Assert.True(connect.HasTemplates("PRD-1"));
    }

    [Fact]
    public async Task Client_RenderTemplate_AnswersTheGivenMarkdown()
    {
        using var connect = new OfflineConnect();
        connect.RenderTemplate("TL-1", "# Welcome");

        Assert.Equal("# Welcome", await connect.Client.Templates.RenderAsync("TL-1", "PR-1-1-1-001"));
    }

    [Fact]
    public async Task Client_UnservedCall_Answers404NamingTheCall()
    {
        using var connect = new OfflineConnect();

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => connect.Client.Requests.GetAsync("PR-404"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("The offline Connect API does not serve GET /requests/PR-404", Assert.Single(error.Errors), StringComparison.Ordinal);
        Assert.Equal("GET requests/PR-404", Assert.Single(connect.Calls).ToString());
    }

    [Fact]
    public void TestTime_OnUsageDay_IsThatDayAndReplacesTheProvider()
    {
        var time = TestTime.OnUsageDay(2026, 3, 5);
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).UseTime(time);

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 6, 0, 0, TimeSpan.Zero), time.GetUtcNow());
        Assert.Same(time, services.BuildServiceProvider().GetRequiredService<TimeProvider>());
        Assert.Throws<ArgumentOutOfRangeException>(() => TestTime.OnUsageDay(2026, 3, 29));
    }
}
