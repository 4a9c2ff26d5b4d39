using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>Each outcome on each request type, against the real emulator.</summary>
public sealed class FulfillmentOutcomeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public static TheoryData<string> Types => new() { "purchase", "change", "suspend", "resume", "cancel" };

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ProcessAsync_ApproveByTemplate_ApprovesRequest(string type)
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, type);
        var engine = Only(client, request, async (r, context, ct) =>
        {
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-" + r.Id }], cancellationToken: ct);
            return ProcessResult.Approve(EmulatorFixture.ActivationTemplate);
        });

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Approved);
        Assert.Empty(report.Errors);
        var after = await client.Requests.GetAsync(request.Id!);
        Assert.Equal("approved", after.Status);
        Assert.Contains("Welcome to Demo Cloud Storage", after.ActivationKey, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ProcessAsync_ApproveWithTile_SendsActivationTile(string type)
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, type);
        var tile = "# Welcome to Fallball!\n\nYes, you decided to have an account in our amazing service!";
        var engine = Only(client, request, async (r, context, ct) =>
        {
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-1" }], cancellationToken: ct);
            return ProcessResult.ApproveWithTile(tile);
        });

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Approved);
        var after = await client.Requests.GetAsync(request.Id!);
        Assert.Equal("approved", after.Status);
        Assert.Equal(tile, after.ActivationKey);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ProcessAsync_Inquire_SetsValueErrorThenInquires(string type)
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, type);
        var engine = Only(client, request, (r, _, _) => Task.FromResult(
            ProcessResult.Inquire([new Param { Id = "customer_email", ValueError = "Please provide a valid e-mail." }], EmulatorFixture.InquireTemplate)));

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Inquired);
        Assert.Empty(report.Errors);
        var after = await client.Requests.GetAsync(request.Id!);
        Assert.Equal("inquiring", after.Status);
        Assert.Equal("Please provide a valid e-mail.", after.GetParam("customer_email")!.ValueError);
        var audit = await emulator.AuditAsync(request.Id);
        Assert.Equal("inquire", audit.Single(e => e.Collection == "requests" && e.From == "pending").Action);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ProcessAsync_Fail_FailsWithReason(string type)
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, type);
        var engine = Only(client, request, (_, _, _) => Task.FromResult(ProcessResult.Fail("Is not possible to purchase product")));

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Failed);
        var after = await client.Requests.GetAsync(request.Id!);
        Assert.Equal("failed", after.Status);
        Assert.Equal("Is not possible to purchase product", after.Reason);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ProcessAsync_Skip_LeavesRequestAndPostsMessageOnce(string type)
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, type);
        var engine = Only(client, request, (_, _, _) => Task.FromResult(ProcessResult.Skip("Waiting for the vendor's back office")));

        var first = await engine.ProcessAsync();
        var messagesAfterFirst = await MessagesAsync(client, request.Id!);
        var second = await engine.ProcessAsync();
        var messagesAfterSecond = await MessagesAsync(client, request.Id!);

        Assert.Equal(1, first.Skipped);
        Assert.Equal(1, second.Skipped);
        Assert.Equal("pending", (await client.Requests.GetAsync(request.Id!)).Status);
        Assert.Equal("Waiting for the vendor's back office", messagesAfterFirst[^1]);
        Assert.Equal(messagesAfterFirst.Count, messagesAfterSecond.Count);
        Assert.Single(messagesAfterSecond, m => m == "Waiting for the vendor's back office");
    }

    [Fact]
    public async Task ProcessAsync_SkipWithoutMessage_DoesNotTouchConversation()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, "purchase");
        var before = await MessagesAsync(client, request.Id!);
        var engine = Only(client, request, (_, _, _) => Task.FromResult(ProcessResult.Skip()));

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Skipped);
        Assert.Equal(before, await MessagesAsync(client, request.Id!));
    }

    [Fact]
    public async Task ProcessAsync_LongSkipMessage_IsCutToMaxNoteLengthWithEllipsis()
    {
        using var client = emulator.NewClient(EmulatorFixture.TierProduct);
        var request = await PendingAsync(client, "purchase");
        var engine = Only(client, request, (_, _, _) => Task.FromResult(ProcessResult.Skip(new string('x', 2000))), new AutomationOptions { MaxNoteLength = 100 });

        await engine.ProcessAsync();
        await engine.ProcessAsync();

        var messages = await MessagesAsync(client, request.Id!);
        var posted = Assert.Single(messages, m => m.StartsWith('x'));
        Assert.Equal(100, posted.Length);
        Assert.EndsWith("\u2026", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_DefaultFilters_ArePendingAndConfiguredProducts()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var seen = new List<string>();
        var engine = new DelegateFulfillment(client, (r, _, _) =>
        {
            lock (seen)
            {
                seen.Add(r.Id + " " + r.Status + " " + r.Asset!.Product!.Id);
            }

            return Task.FromResult(ProcessResult.Skip());
        });

        var report = await engine.ProcessAsync();

        Assert.Equal("in(asset.product.id,(PRD-400-500-600))&eq(status,pending)", engine.LastQuery);
        var only = Assert.Single(seen);
        Assert.Equal("PR-0002-0001-0002-001 pending PRD-400-500-600", only);
        Assert.Equal(1, report.Skipped);
    }

    internal static async Task<FulfillmentRequest> PendingAsync(ConnectClient client, string type)
    {
        var query = new Query().Equal("asset.product.id", EmulatorFixture.TierProduct).Equal("status", "pending").Equal("type", type);
        await foreach (var request in client.Requests.ListAsync(query))
        {
            // The demo purchase PR-...-0002 lacks its e-mail; any complete one will do.
            if (type != "purchase" || !string.IsNullOrEmpty(request.GetParam("customer_email")?.Value))
            {
                return request;
            }
        }

        throw new InvalidOperationException($"The demo seed has no pending {type} request.");
    }

    internal static async Task<List<string>> MessagesAsync(ConnectClient client, string instanceId)
    {
        var conversation = await client.Conversations.GetByInstanceIdAsync(instanceId);
        var texts = new List<string>();
        await foreach (var message in client.Conversations.ListMessagesAsync(conversation!.Id!))
        {
            texts.Add(message.Text ?? string.Empty);
        }

        return texts;
    }

    private static DelegateFulfillment Only(
        ConnectClient client, FulfillmentRequest request, Func<FulfillmentRequest, ItemContext, CancellationToken, Task<ProcessResult>> handler,
        AutomationOptions? options = null)
    {
        options ??= new AutomationOptions();
        options.Query = new Query().Equal("id", request.Id!);
        return new DelegateFulfillment(client, handler, options);
    }
}
