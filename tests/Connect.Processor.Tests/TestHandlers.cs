using System.Threading.Channels;
using Connect.Automation;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;
using Connect.Usage;

namespace Connect.Processor.Tests;

/// <summary>Saves the product's required fulfillment parameter (whichever of subscription_id/account_id it has) and approves.</summary>
internal sealed class ApproveUsageHandler : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        var names = (request.Asset?.Params ?? []).Select(p => p.Id).ToHashSet();
        var saved = new[] { "subscription_id", "account_id" }.Where(names.Contains)
            .Select(id => new Param { Id = id, Value = $"V-{request.Asset!.Id}" }).ToList();
        await context.UpdateParametersAsync(saved, cancellationToken: cancellationToken);
        return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken));
    }
}

/// <summary>Always throws: an unexpected failure.</summary>
internal sealed class ThrowingHandler : IRequestHandler<FulfillmentRequest>
{
    public Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("vendor client bug");
}

/// <summary>Holds every request until released, reporting when one is in flight.</summary>
internal sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls;
}

internal sealed class GatedHandler(Gate gate) : IRequestHandler<FulfillmentRequest>
{
    public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref gate.Calls);
        gate.Entered.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
        return await new ApproveUsageHandler().HandleAsync(request, context, cancellationToken);
    }
}

/// <summary>Collects run reports as they complete.</summary>
internal sealed class ReportChannel : IProcessorObserver
{
    public Channel<ProcessorRunReport> Reports { get; } = Channel.CreateUnbounded<ProcessorRunReport>();

    public void OnRunCompleted(ProcessorRunReport report) => Reports.Writer.TryWrite(report);

    public async Task<ProcessorRunReport> NextAsync() => await Reports.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}

/// <summary>Reports one record per active subscription of the pay-per-use product.</summary>
internal sealed class TestUsageReporter : IUsageReporter
{
    /// <summary>Whether to submit through <see cref="UsageReportContext.SubmitAsync"/> (needs the usage routes).</summary>
    public bool Submit { get; init; }

    public List<UsagePeriod> Periods { get; } = [];

    public List<string> RecordIds { get; } = [];

    public async Task ReportAsync(UsageReportContext context, CancellationToken cancellationToken = default)
    {
        Periods.Add(context.Period);
        var records = new List<UsageRecord>();
        var query = new Query().Equal("product.id", TestEnvironment.UsageProduct).Equal("status", "active");
        await foreach (var asset in context.Client.Assets.ListAsync(query, cancellationToken))
        {
            records.Add(new UsageRecord
            {
                RecordId = context.Period.RecordId(asset.Id!, "MPN-PPU-CALLS"),
                ItemSearchCriteria = "item.mpn",
                ItemSearchValue = "MPN-PPU-CALLS",
                AssetSearchCriteria = "asset.id",
                AssetSearchValue = asset.Id,
                Quantity = 1250,
            });
        }

        RecordIds.AddRange(records.Select(r => r.RecordId!));
        if (!Submit)
        {
            return;
        }

        await context.SubmitAsync(TestEnvironment.UsageProduct, "CRD-10001-00001-00001", "EUR", records, cancellationToken);
    }
}
