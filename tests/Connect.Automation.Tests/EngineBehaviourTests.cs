using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>Failure isolation, null results, seed exceptions, races, paging, concurrency and cancellation.</summary>
public sealed class EngineBehaviourTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessAsync_HandlerThrows_LogsStackTraceLeavesRequestAndProcessesOthers()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 3);
        var bad = ids[1];
        var logger = new CapturingLogger();
        var engine = new DelegateFulfillment(client, (r, context, _) =>
        {
            TestLog.Looking(context.Logger, r.Id, emulator.Host.ApiKey);
            return r.Id == bad ? throw new InvalidOperationException("back office is down") : Task.FromResult(ProcessResult.Fail("no stock"));
        }, new AutomationOptions { Query = new Query().In("id", ids) }, logger);

        var report = await engine.ProcessAsync();

        Assert.Equal(2, report.Failed);
        var error = Assert.Single(report.Errors);
        Assert.Equal(bad, error.Id);
        Assert.Equal("purchase", error.Type);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.True(report.HasUnexpectedFailures);
        Assert.Equal("pending", (await client.Requests.GetAsync(bad)).Status);
        Assert.Equal("failed", (await client.Requests.GetAsync(ids[0])).Status);
        Assert.Equal("failed", (await client.Requests.GetAsync(ids[2])).Status);

        var entries = logger.Snapshot();
        var logged = Assert.Single(entries, e => e.Level == LogLevel.Error);
        Assert.NotNull(logged.Exception!.StackTrace);
        Assert.Contains("RequestId=" + bad, logged.Scope, StringComparison.Ordinal);
        Assert.Contains("ProductId=" + EmulatorFixture.UsageProduct, logged.Scope, StringComparison.Ordinal);

        // Debug entries: written (at Warning, key masked) for the failed request only.
        var buffered = entries.Where(e => e.EventId == 2030).ToList();
        Assert.NotEmpty(buffered);
        Assert.All(buffered, e => Assert.Contains("RequestId=" + bad, e.Scope, StringComparison.Ordinal));
        Assert.All(buffered, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains(buffered, e => e.Message.Contains("looking at " + bad, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains(":emulator", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level == LogLevel.Debug && e.Scope.Length > 0);
    }

    [Fact]
    public async Task ProcessAsync_PostNoteOnUnexpectedError_PostsMessageOnce()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        var engine = new DelegateFulfillment(client, (_, _, _) => throw new InvalidOperationException("back office is down"),
            new AutomationOptions { Query = new Query().Equal("id", id), PostNoteOnUnexpectedError = true });

        await engine.ProcessAsync();
        await engine.ProcessAsync();

        var messages = await FulfillmentOutcomeTests.MessagesAsync(client, id);
        Assert.Single(messages, m => m.Contains("back office is down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_HandlerReturnsNull_IsAnErrorNotAnApproval()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult<ProcessResult>(null!),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        var error = Assert.Single(report.Errors);
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Approved);
        Assert.Equal(AutomationOutcome.Error, Assert.Single(report.Items).Outcome);
        Assert.Equal("pending", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_UsageFileResultFromFulfillmentHandler_IsAnError()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Accept("ok")),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Single(report.Errors);
        Assert.Equal("pending", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_SeedExceptions_MapOntoResults()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 4);
        var engine = new DelegateFulfillment(client, (r, _, _) =>
        {
            if (r.Id == ids[0])
            {
                throw new FailRequestException("Is Not possible to purchase product");
            }

            if (r.Id == ids[1])
            {
                var email = r.GetParam("customer_email")!;
                email.ValueError = "Email address has not been provided, please provide one";
                throw new InquireRequestException([email]);
            }

            if (r.Id == ids[2])
            {
                throw new SkipRequestException();
            }

            throw new InquireRequestException();
        }, new AutomationOptions { Query = new Query().In("id", ids) });

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Failed);
        Assert.Equal(1, report.Inquired);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(ids[3], Assert.Single(report.Errors).Id);
        var failed = await client.Requests.GetAsync(ids[0]);
        Assert.Equal(("failed", "Is Not possible to purchase product"), (failed.Status, failed.Reason));
        var inquiring = await client.Requests.GetAsync(ids[1]);
        Assert.Equal("inquiring", inquiring.Status);
        Assert.Equal("Email address has not been provided, please provide one", inquiring.GetParam("customer_email")!.ValueError);
        Assert.Equal("pending", (await client.Requests.GetAsync(ids[2])).Status);
        Assert.Equal("pending", (await client.Requests.GetAsync(ids[3])).Status);
    }

    [Fact]
    public async Task ProcessAsync_AnotherActorApprovedFirst_CountsAlreadyHandledNotError()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var other = emulator.NewClient();
        var engine = new DelegateFulfillment(client, async (r, _, ct) =>
        {
            // Someone else approves while our handler is deciding.
            await other.Requests.UpdateParametersAsync(r.Id!, [new Param { Id = "account_id", Value = "ACC-RACE" }], cancellationToken: ct);
            await other.Requests.ApproveByTileAsync(r.Id!, "approved by someone else", ct);
            return ProcessResult.Fail("too late");
        }, new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.AlreadyHandled);
        Assert.Equal(0, report.Failed);
        Assert.Equal("approved", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_ActionRefusedWhileStillPending_IsAGenuineError()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];

        // account_id is a required fulfillment parameter: the approval is refused and the request stays pending.
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.ApproveWithTile("hi")),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        var error = Assert.Single(report.Errors);
        Assert.IsType<ConnectApiException>(error.Exception);
        Assert.Equal(0, report.AlreadyHandled);
        Assert.Equal("pending", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_250Pending_ProcessesEveryPage()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 250);
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Fail("no capacity")));

        var report = await engine.ProcessAsync();

        // 250 generated plus the demo seed's pending purchase of the same product.
        Assert.Equal(251, report.Failed);
        Assert.Equal(251, report.Processed);
        Assert.Empty(report.Errors);
        Assert.Equal(0, await client.Requests.CountAsync(new Query().Equal("asset.product.id", EmulatorFixture.UsageProduct).Equal("status", "pending")));
        Assert.All(ids, id => Assert.Contains(report.Items, i => i.Id == id));
    }

    [Fact]
    public async Task ProcessAsync_Concurrency8On500_TransitionsEachRequestExactlyOnce()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 500);
        var inFlight = 0;
        var maxInFlight = 0;
        var engine = new DelegateFulfillment(client, async (r, context, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                await context.UpdateParametersAsync([new Param { Id = "account_id", Value = "ACC-" + r.Id }], cancellationToken: ct);
                return ProcessResult.ApproveWithTile("# Welcome\n\nAccount **" + r.Id + "**");
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }, new AutomationOptions { MaxConcurrency = 8 });

        var report = await engine.ProcessAsync();

        Assert.Equal(501, report.Approved);
        Assert.Empty(report.Errors);
        Assert.InRange(maxInFlight, 2, 8);
        var transitions = (await emulator.AuditAsync()).Where(e => e.Collection == "requests" && e.Action != "create").ToList();
        foreach (var id in ids)
        {
            var mine = Assert.Single(transitions, e => e.ObjectId == id);
            Assert.Equal(("pending", "approved", "approve"), (mine.From, mine.To, mine.Action));
        }

        Assert.Equal(501, report.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task ProcessAsync_CancelledMidRun_StopsCleanlyWithNoHalfDoneRequest()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 60);
        using var cts = new CancellationTokenSource();
        var started = 0;
        var engine = new DelegateFulfillment(client, async (r, _, ct) =>
        {
            if (Interlocked.Increment(ref started) == 10)
            {
                await cts.CancelAsync();
            }

            ct.ThrowIfCancellationRequested();
            var email = r.GetParam("customer_email")!;
            email.ValueError = "check";
            return ProcessResult.Inquire([email]);
        }, new AutomationOptions { MaxConcurrency = 2, Query = new Query().In("id", ids) });

        var report = await engine.ProcessAsync(cts.Token);

        Assert.True(report.Cancelled);
        Assert.Empty(report.Errors);
        Assert.InRange(report.Inquired, 1, 59);
        Assert.True(report.CancelledItems >= 1);
        foreach (var id in ids)
        {
            var request = await client.Requests.GetAsync(id);
            var outcome = report.Items.SingleOrDefault(i => i.Id == id)?.Outcome;
            if (outcome == AutomationOutcome.Inquired)
            {
                Assert.Equal("inquiring", request.Status);
            }
            else
            {
                // Never inquired: still pending, and no value_error written without the inquire that goes with it.
                Assert.Equal("pending", request.Status);
                Assert.True(string.IsNullOrEmpty(request.GetParam("customer_email")!.ValueError));
            }
        }
    }

    [Fact]
    public async Task ProcessAsync_PurchaseNeedingMigration_IsSkippedWithoutCallingHandler()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var request = await client.Requests.GetAsync((await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0]);
        request.Asset!.Params!.Add(new Param { Id = "migration_info", Value = "{\"legacy_id\":\"L-1\"}" });
        var calls = 0;
        var engine = new MigrationProbe(client, request, () => calls++);

        var report = await engine.ProcessAsync();

        Assert.Equal(1, report.Skipped);
        Assert.Equal(0, calls);
        Assert.True(request.NeedsMigration());
    }

    [Fact]
    public async Task ProcessAsync_WorkCannotBeListed_Throws()
    {
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl, ApiKey = "ApiKey SU-000-000-000:wrong" });
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Skip()));

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => engine.ProcessAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsMigration_EmptyOrMissingParameter_IsFalse()
    {
        var request = new FulfillmentRequest { Asset = new Asset { Params = [new Param { Id = "migration_info", Value = "" }] } };
        Assert.False(request.NeedsMigration());
        Assert.False(new FulfillmentRequest().NeedsMigration());
        request.Asset.Params[0].Value = "x";
        Assert.True(request.NeedsMigration());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>
    /// The emulator refuses unknown parameters, so a request carrying <c>migration_info</c> cannot be created there:
    /// this engine lists the real request and adds the parameter to the listed copy.
    /// </summary>
    private sealed class MigrationProbe(ConnectClient client, FulfillmentRequest request, Action called)
        : DelegateEngine<FulfillmentRequest>(new(
            new ListedCopy(request), client,
            new DelegateHandler<FulfillmentRequest>((_, _, _) =>
            {
                called();
                return Task.FromResult(ProcessResult.Fail("should not be called"));
            }),
            new AutomationOptions { Query = new Query().Equal("id", request.Id!) }, null, null));

    private sealed class ListedCopy(FulfillmentRequest request) : FulfillmentKind
    {
        public override IAsyncEnumerable<FulfillmentRequest> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken) =>
            new[] { request }.ToAsyncEnumerable();
    }
}
