using Connect.Sdk.Models;

namespace Connect.Testing.Tests;

public sealed class AssertionTests(ConnectEmulatorFixture fixture) : IClassFixture<ConnectEmulatorFixture>
{
    private static readonly FulfillmentRequest Failed = Requests.Purchase().WithId("PR-1-1-1-001").WithStatus(RequestStatus.Failed)
        .With(r => r.Reason = "Vendor API is down").Build();

    [Fact]
    public void Status_Request_Differs_NamesRequestBothStatusesAndReason()
    {
        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.Status(Failed, RequestStatus.Approved));

        Assert.Equal("Request PR-1-1-1-001 is failed, expected approved (reason: \"Vendor API is down\").", error.Message);
    }

    [Fact]
    public void Status_Request_Same_Passes()
    {
        ConnectAssert.Status(Failed, RequestStatus.Failed);
    }

    [Fact]
    public void Status_TierConfigRequest_Differs_NamesIt()
    {
        var request = TierConfigRequests.Setup().WithId("TCR-1-2-3-001").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.Status(request, TierConfigRequestStatus.Approved));

        Assert.Equal("Tier config request TCR-1-2-3-001 is pending, expected approved.", error.Message);
    }

    [Fact]
    public void Status_Asset_Differs_NamesAssetAndStatuses()
    {
        var asset = Assets.Processing().WithId("AS-1-2-3").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.Status(asset, AssetStatus.Active));

        Assert.Equal("Asset AS-1-2-3 is processing, expected active.", error.Message);
    }

    [Fact]
    public void ParameterValue_Differs_NamesParameterAndValues()
    {
        var request = Requests.Purchase().WithId("PR-1-1-1-001").WithFulfillmentParameter("subscription_id").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.ParameterValue(request, "subscription_id", "SUB-1"));

        Assert.Equal("Parameter subscription_id of request PR-1-1-1-001 is empty, expected \"SUB-1\".", error.Message);
    }

    [Fact]
    public void ParameterValue_Missing_ListsTheParametersThereAre()
    {
        var request = Requests.Purchase().WithId("PR-1-1-1-001").WithParameter("customer_email", "a@b.c").WithParameter("tenant_domain", "t").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.ParameterValue(request, "subscription_id", "SUB-1"));

        Assert.Equal("Request PR-1-1-1-001 has no parameter subscription_id; it has customer_email, tenant_domain.", error.Message);
    }

    [Fact]
    public void ParameterValue_TierConfigRequest_Same_Passes()
    {
        ConnectAssert.ParameterValue(TierConfigRequests.Setup().WithParameter("partner_number", "P-1").Build(), "partner_number", "P-1");
    }

    [Fact]
    public void ParameterValueError_Differs_NamesErrorsAndValue()
    {
        var request = Requests.Purchase().WithId("PR-1-1-1-001").WithParameter("customer_email", "not-an-email").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.ParameterValueError(request, "customer_email", "Invalid e-mail."));

        Assert.Equal("Parameter customer_email of request PR-1-1-1-001 has no value error, expected \"Invalid e-mail.\" (its value is \"not-an-email\").", error.Message);
    }

    [Fact]
    public void ParameterValueError_UnexpectedError_SaysWhichOne()
    {
        var request = Requests.Purchase().WithId("PR-1-1-1-001").WithParameter("customer_email", "x").WithParameterError("customer_email", "Bad.").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.ParameterValueError(request, "customer_email", null));

        Assert.Equal("Parameter customer_email of request PR-1-1-1-001 has value error \"Bad.\", expected none (its value is \"x\").", error.Message);
    }

    [Fact]
    public async Task ConversationContainsAsync_NoSuchText_ListsTheMessages()
    {
        await fixture.ResetAsync();

        var error = await Assert.ThrowsAsync<ConnectAssertionException>(() =>
            ConnectAssert.ConversationContainsAsync(fixture.Client, "PR-0001-0001-0001-001", "Subscription created"));

        Assert.Equal(
            "No message in the conversation of PR-0001-0001-0001-001 contains \"Subscription created\". Its 1 message(s):\n"
            + "  - [state_change] Request PR-0001-0001-0001-001 created. State set to pending.",
            error.Message);
    }

    [Fact]
    public async Task ConversationContainsAsync_TextPresent_ReturnsTheMessage()
    {
        await fixture.ResetAsync();
        var conversation = await fixture.Client.Conversations.GetByInstanceIdAsync("PR-0001-0001-0001-001");
        await fixture.Client.Conversations.AddMessageAsync(conversation!.Id!, "Subscription created in the vendor system.");

        var message = await ConnectAssert.ConversationContainsAsync(fixture.Client, "PR-0001-0001-0001-001", "Subscription created");

        Assert.Equal("Subscription created in the vendor system.", message.Text);
    }

    [Fact]
    public void Status_UsageFile_Invalid_NamesTheErrorDetail()
    {
        var file = Usage.File().WithId("UF-2026-01-0001-0001").WithStatus(UsageFileStatus.Invalid).With(f => f.ErrorDetail = "Row 3: unknown item MPN-X.").Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.Status(file, UsageFileStatus.Ready));

        Assert.Equal("Usage file UF-2026-01-0001-0001 is invalid (error: Row 3: unknown item MPN-X.), expected ready.", error.Message);
    }

    [Fact]
    public void UsageRecordCount_Differs_GivesValidAndInvalid()
    {
        var file = Usage.File().WithId("UF-2026-01-0001-0001").WithRecordCounts(3, 2).Build();

        var error = Assert.Throws<ConnectAssertionException>(() => ConnectAssert.UsageRecordCount(file, 3));

        Assert.Equal("Usage file UF-2026-01-0001-0001 has 5 usage record(s) (3 valid, 2 invalid), expected 3.", error.Message);
    }

    [Fact]
    public async Task UsageRecordCountAsync_Differs_NamesFileAndCounts()
    {
        await fixture.ResetAsync();

        var error = await Assert.ThrowsAsync<ConnectAssertionException>(() => ConnectAssert.UsageRecordCountAsync(fixture.Client, "UF-2026-01-0000-0000", 10));

        Assert.Equal("Usage file UF-2026-01-0000-0000 has 0 usage record(s), expected 10.", error.Message);
    }

    [Fact]
    public async Task TransitionedExactlyOnceAsync_Never_ShowsTheHistory()
    {
        await fixture.ResetAsync();
        await fixture.Client.Requests.FailAsync("PR-0001-0001-0002-001", "Missing e-mail");

        var error = await Assert.ThrowsAsync<ConnectAssertionException>(() =>
            ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, "PR-0001-0001-0002-001", RequestStatus.Approved));

        Assert.Matches(
            @"^PR-0001-0001-0002-001 moved to approved never, expected exactly once\. Its history:\n  \d+: \(new\) -> pending \(create, key SU-000-000-000\)\n  \d+: pending -> failed \(fail, key SU-000-000-000\)$",
            error.Message);
    }

    [Fact]
    public async Task TransitionedExactlyOnceAsync_Twice_SaysHowManyTimes()
    {
        await fixture.ResetAsync();
        var id = "PR-0001-0001-0010-001";
        await fixture.Client.Requests.PendAsync(id);
        await fixture.Client.Requests.InquireAsync(id);
        await fixture.Client.Requests.PendAsync(id);

        var error = await Assert.ThrowsAsync<ConnectAssertionException>(() =>
            ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, id, RequestStatus.Pending, from: RequestStatus.Inquiring));

        Assert.StartsWith($"{id} moved from inquiring to pending 2 times, expected exactly once. Its history:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransitionedExactlyOnceAsync_Once_ReturnsTheEntry()
    {
        await fixture.ResetAsync();
        await fixture.Client.Requests.FailAsync("PR-0001-0001-0002-001", "Missing e-mail");

        var entry = await ConnectAssert.TransitionedExactlyOnceAsync(fixture.Control, "PR-0001-0001-0002-001", RequestStatus.Failed);

        Assert.Equal(("pending", "fail"), (entry.From, entry.Action));
    }

    [Fact]
    public async Task RequestStatusAsync_And_AssetStatusAsync_ReadTheServer()
    {
        await fixture.ResetAsync();

        var error = await Assert.ThrowsAsync<ConnectAssertionException>(() => ConnectAssert.AssetStatusAsync(fixture.Client, "AS-0001-0001-0005", AssetStatus.Active));
        var request = await ConnectAssert.RequestStatusAsync(fixture.Client, "PR-0001-0001-0005-003", RequestStatus.Pending);

        Assert.Equal("Asset AS-0001-0001-0005 is suspended, expected active.", error.Message);
        Assert.Equal(RequestType.Resume, request.Type);
    }
}
