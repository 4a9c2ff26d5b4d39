using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Testing.Tests;

public sealed class HandlerRunnerTests
{
    [Fact]
    public async Task RunAsync_CompletePurchase_ApprovesAndRecordsTheCalls()
    {
        await using var runner = new HandlerRunner();
        var request = Requests.Purchase().WithId("PR-1000-0000-0001-001").ForAsset("AS-1000-0000-0001")
            .WithParameter("customer_email", "a@acme.example").WithFulfillmentParameter("subscription_id", required: true).Build();

        var run = await runner.RunAsync(new DemoPurchaseHandler(), request);

        Assert.Equal(ProcessAction.Approve, run.Outcome.Action);
        Assert.Equal(DemoDefaults.ActivationTemplateId, run.Outcome.TemplateId);
        ConnectAssert.ParameterValue(run.Item, "subscription_id", "SUB-AS-1000-0000-0001");
        Assert.Equal(["PUT requests/PR-1000-0000-0001-001", "GET products/PRD-100-200-300/templates"], run.Calls.Select(c => c.Method + " " + c.Path));
    }

    [Fact]
    public async Task RunAsync_NoEmail_InquiresWithoutCallingConnect()
    {
        await using var runner = new HandlerRunner();

        var run = await runner.RunAsync(new DemoPurchaseHandler(), Requests.Purchase().Build());

        Assert.Equal(ProcessAction.Inquire, run.Outcome.Action);
        Assert.Equal("customer_email", Assert.Single(run.Outcome.Params).Id);
        Assert.Empty(run.Calls);
    }

    [Fact]
    public async Task RunAsync_OwnProduct_ServesTheConfiguredTemplateNames()
    {
        await using var runner = new HandlerRunner(options: o => o.ActivationTemplateName = "Welcome");
        var request = Requests.Purchase().ForProduct("PRD-123-456-789").WithParameter("customer_email", "a@b.c").Build();

        var run = await runner.RunAsync(new DemoPurchaseHandler(), request);

        Assert.Equal("TL-123-456-789-001", run.Outcome.TemplateId);
    }

    [Fact]
    public async Task RunAsyncOfT_HandlerWithDependencies_IsCreatedFromTheServices()
    {
        var vendor = new FakeVendor();
        await using var runner = new HandlerRunner(services => services.AddSingleton(vendor));

        var run = await runner.RunAsync<VendorPurchaseHandler>(Requests.Purchase().WithParameter("customer_email", "a@b.c").Build());

        Assert.Equal(ProcessAction.Fail, run.Outcome.Action);
        Assert.Equal("The vendor refused a@b.c.", run.Outcome.Message);
        Assert.Equal(["a@b.c"], vendor.Orders);
    }

    [Fact]
    public async Task RunAsync_TierConfigHandler_GetsTheTier1Template()
    {
        await using var runner = new HandlerRunner();
        var request = TierConfigRequests.Setup().WithParameter("partner_number", "P-1").WithFulfillmentParameter("reseller_account_id").Build();

        var run = await runner.RunAsync(new ApproveTier(), request);

        Assert.Equal((ProcessAction.Approve, DemoDefaults.Tier1TemplateId), (run.Outcome.Action, run.Outcome.TemplateId));
        ConnectAssert.ParameterValue(run.Item, "reseller_account_id", "RA-P-1");
        Assert.Equal(["Reseller set up."], run.Messages);
    }

    [Fact]
    public async Task RunAsync_HandlerReadsSomethingNotServed_FailsNamingTheCall()
    {
        await using var runner = new HandlerRunner();

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => runner.RunAsync(new ReadsAnAsset(), Requests.Purchase().Build()));

        Assert.StartsWith("The offline Connect API does not serve GET /assets/AS-404", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    public sealed class FakeVendor
    {
        public List<string> Orders { get; } = [];
    }

    public sealed class VendorPurchaseHandler(FakeVendor vendor) : IRequestHandler<FulfillmentRequest>
    {
        public Task<ProcessResult> HandleAsync(FulfillmentRequest item, ItemContext context, CancellationToken cancellationToken)
        {
            var email = item.Asset!.Params!.Single(p => p.Id == "customer_email").Value!;
            vendor.Orders.Add(email);
            return Task.FromResult(ProcessResult.Fail($"The vendor refused {email}."));
        }
    }

    private sealed class ApproveTier : IRequestHandler<TierConfigRequest>
    {
        public async Task<ProcessResult> HandleAsync(TierConfigRequest item, ItemContext context, CancellationToken cancellationToken)
        {
            var partner = item.Params!.Single(p => p.Id == "partner_number").Value;
            await context.UpdateParametersAsync([new Param { Id = "reseller_account_id", Value = "RA-" + partner }], cancellationToken: cancellationToken);
            await context.AddNoteAsync("Reseller set up.", cancellationToken);
            return ProcessResult.Approve(await context.GetTier1ActivationTemplateIdAsync(item.Configuration!.Product!.Id!, cancellationToken));
        }
    }

    private sealed class ReadsAnAsset : IRequestHandler<FulfillmentRequest>
    {
        public async Task<ProcessResult> HandleAsync(FulfillmentRequest item, ItemContext context, CancellationToken cancellationToken)
        {
            await context.Client.Assets.GetAsync("AS-404", cancellationToken);
            return ProcessResult.Skip();
        }
    }
}
