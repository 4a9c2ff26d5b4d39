using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connect.Processor.Tests;

/// <summary>The functional flowchart of the Python Processor SDK's overview, run by the example processor against the demo-seeded emulator.</summary>
public sealed class FlowchartTests
{
    [Fact]
    public async Task RunOnce_DemoSeed_ApprovesTierConfigRequestsBeforeTheirPurchases()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.False(report.HasUnexpectedFailures, report.ToString());
        var tcrs = report.Requests.Where(r => r.Stage == ProcessorStage.TierConfigRequests).ToList();
        Assert.Equal(["TCR-048-244-308-001", "TCR-967-637-445-001"], tcrs.Select(r => r.Id).Order());
        Assert.All(tcrs, t => Assert.Equal(AutomationOutcome.Approved, t.Outcome));

        // The purchases that waited in tiers_setup were released by those approvals and processed in the same run,
        // after their tier config request (the audit's sequence numbers give the order).
        var audit = await env.AuditAsync();
        long Seq(string id, string to) => audit.Single(e => e["object_id"]!.GetValue<string>() == id && e["to"]?.GetValue<string>() == to)["seq"]!.GetValue<long>();
        foreach (var (purchase, tcr) in new[]
                 {
                     ("PR-0001-0001-0007-001", "TCR-048-244-308-001"), ("PR-0001-0001-0008-001", "TCR-048-244-308-001"),
                     ("PR-0001-0001-0009-001", "TCR-967-637-445-001"),
                 })
        {
            var released = audit.Single(e => e["object_id"]!.GetValue<string>() == purchase && e["to"]?.GetValue<string>() == "pending");
            Assert.Equal("tier_config_request:approve", released["action"]!.GetValue<string>());
            Assert.True(Seq(tcr, "approved") < Seq(purchase, "approved"));
            Assert.Equal("approved", (await env.RequestAsync(purchase))["status"]!.GetValue<string>());
        }

        var tcrDocument = await env.TierConfigRequestAsync("TCR-048-244-308-001");
        Assert.StartsWith("RES-", tcrDocument["params"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "reseller_account_id")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnce_PendingPurchase_SavesFulfillmentParametersAndApprovesWithActivationTemplate()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.Equal(AutomationOutcome.Approved, report.Requests.Single(r => r.Id == "PR-0001-0001-0001-001").Outcome);
        var request = await env.RequestAsync("PR-0001-0001-0001-001");
        Assert.Equal("approved", request["status"]!.GetValue<string>());
        Assert.Equal("TL-100-200-301", request["template"]!["id"]!.GetValue<string>());
        var subscriptionId = TestEnvironment.Param(request, "subscription_id")!;
        Assert.StartsWith("SUB-", subscriptionId);
        Assert.Contains(subscriptionId, request["activation_key"]!.GetValue<string>());
        var vendor = env.Vendor.Subscription(subscriptionId)!;
        Assert.Equal("acme", vendor["tenant"]!.GetValue<string>());
        Assert.Equal("active", vendor["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnce_MissingRequiredOrderingParameter_InquiresWithValueErrorAndTemplate()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var outcome = report.Requests.Single(r => r.Id == "PR-0001-0001-0002-001");
        Assert.Equal(AutomationOutcome.Inquired, outcome.Outcome);
        Assert.Contains("customer_email", outcome.Message);
        var request = await env.RequestAsync("PR-0001-0001-0002-001");
        Assert.Equal("inquiring", request["status"]!.GetValue<string>());
        Assert.Equal("This parameter is required.", TestEnvironment.Param(request, "customer_email", "value_error"));
        Assert.Equal("TL-100-200-303", request["template"]!["id"]!.GetValue<string>());

        // Nothing was created in the vendor system for it.
        Assert.DoesNotContain(env.Vendor.Subscriptions(), s => s["tenant"]!.GetValue<string>() == "globex");
    }

    [Fact]
    public async Task RunOnce_InvalidOrderingParameterFromCustomValidator_Inquires()
    {
        await using var env = await TestEnvironment.StartAsync();
        var id = await env.CreatePurchaseAsync("acme-typo", email: "not-an-email");
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.Equal(AutomationOutcome.Inquired, report.Requests.Single(r => r.Id == id).Outcome);
        var request = await env.RequestAsync(id);
        Assert.Equal("Please provide a valid e-mail address.", TestEnvironment.Param(request, "customer_email", "value_error"));
    }

    [Fact]
    public async Task RunOnce_VendorRefusesPurchase_FailsRequestWithVendorReason()
    {
        await using var env = await TestEnvironment.StartAsync();
        var id = await env.CreatePurchaseAsync("admin");
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var outcome = report.Requests.Single(r => r.Id == id);
        Assert.Equal(AutomationOutcome.Failed, outcome.Outcome);
        Assert.False(report.HasUnexpectedFailures, "a vendor refusal is an expected failure");
        var request = await env.RequestAsync(id);
        Assert.Equal("failed", request["status"]!.GetValue<string>());
        Assert.Contains("reserved by the vendor", request["reason"]!.GetValue<string>());
        Assert.True(string.IsNullOrEmpty(TestEnvironment.Param(request, "subscription_id")));
        Assert.DoesNotContain(env.Vendor.Subscriptions(), s => s["tenant"]!.GetValue<string>() == "admin");
    }

    [Fact]
    public async Task RunOnce_ChangeSuspendResumeCancel_AppliedInVendorSystemAndApproved()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings());

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        foreach (var (id, type) in new[]
                 {
                     ("PR-0001-0001-0003-002", "change"), ("PR-0001-0001-0004-002", "suspend"),
                     ("PR-0001-0001-0005-003", "resume"), ("PR-0001-0001-0006-002", "cancel"),
                 })
        {
            var outcome = report.Requests.Single(r => r.Id == id);
            Assert.Equal(type, outcome.Type);
            Assert.Equal(AutomationOutcome.Approved, outcome.Outcome);
        }

        Assert.Equal("active", env.Vendor.Subscription("SUB-0001-0001-0003")!["status"]!.GetValue<string>());
        Assert.Equal(2, env.Vendor.Subscription("SUB-0001-0001-0003")!["items"]!.AsArray().Count);
        Assert.Equal("suspended", env.Vendor.Subscription("SUB-0001-0001-0004")!["status"]!.GetValue<string>());
        Assert.Equal("active", env.Vendor.Subscription("SUB-0001-0001-0005")!["status"]!.GetValue<string>());
        Assert.Equal("cancelled", env.Vendor.Subscription("SUB-0001-0001-0006")!["status"]!.GetValue<string>());
        var asset = (await env.RequestAsync("PR-0001-0001-0006-002"))["asset"]!;
        Assert.Equal("terminated", asset["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnce_TwiceOnTheSameAccount_SecondRunFindsNothingPending()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = env.ExampleHost(env.Settings());
        var processor = host.Services.GetRequiredService<ConnectProcessor>();

        var first = await processor.RunOnceAsync();
        var second = await processor.RunOnceAsync();

        Assert.Equal(11, first.Requests.Count);
        Assert.Empty(second.Requests);
        Assert.Equal(1, second.Passes);
    }

    [Fact]
    public async Task RunOnce_NoHandlerForType_SkipsWithoutTouchingTheRequest()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = TestEnvironment.PlainHost(env.Settings(), b => b.AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase));

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var change = report.Requests.Single(r => r.Id == "PR-0001-0001-0003-002");
        Assert.Equal(AutomationOutcome.Skipped, change.Outcome);
        Assert.Contains("No handler", change.Message);
        Assert.Equal("pending", (await env.RequestAsync("PR-0001-0001-0003-002"))["status"]!.GetValue<string>());

        // No tier config handler: tier config requests are left alone, so the purchases stay in tiers_setup.
        Assert.DoesNotContain(report.Requests, r => r.Stage == ProcessorStage.TierConfigRequests);
        Assert.Equal("tiers_setup", (await env.RequestAsync("PR-0001-0001-0007-001"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnce_HandlerForAnyType_TakesTypesWithoutTheirOwnHandler()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = TestEnvironment.PlainHost(env.Settings(), b => b
            .AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase)
            .AddFulfillmentHandler<NotYetHandler>(null));

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        var change = report.Requests.Single(r => r.Id == "PR-0001-0001-0003-002");
        Assert.Equal(AutomationOutcome.Failed, change.Outcome);
        Assert.Equal("change requests are not supported", change.Message);
        Assert.Equal("failed", (await env.RequestAsync("PR-0001-0001-0003-002"))["status"]!.GetValue<string>());
        Assert.Equal(AutomationOutcome.Approved, report.Requests.Single(r => r.Id == "PR-0001-0001-0001-001").Outcome);
    }

    /// <summary>Fails every request of its type, naming the type it was resolved for.</summary>
    private sealed class NotYetHandler : IRequestHandler<FulfillmentRequest>
    {
        public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ProcessResult.Fail($"{context.ItemType} requests are not supported"));
    }
}
