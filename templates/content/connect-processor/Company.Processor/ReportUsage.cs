using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Company.Processor;

/// <summary>
/// Usage reporting (the Python Processor SDK template's report_usage.py), run on <c>dayToReportUsage</c> for the previous month (January reports
/// December of the previous year). One usage file per product and contract, one record per active subscription, each with
/// a unique, repeatable record id.
/// </summary>
public sealed class ReportUsage : IUsageReporter
{
    public async Task ReportAsync(UsageReportContext context, CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<(string Product, string Contract, string Currency), List<UsageRecord>>();
        var query = new Query().In("product.id", context.Options.Products).Equal("status", "active");
        await foreach (var asset in context.Client.Assets.ListAsync(query, cancellationToken))
        {
            if (asset.Id is null || asset.Product?.Id is null || asset.Contract?.Id is null)
            {
                continue;
            }

            var quantity = await GetUsageAsync(asset, context.Period, cancellationToken);
            if (quantity <= 0)
            {
                continue;
            }

            var key = (asset.Product.Id, asset.Contract.Id, asset.Marketplace?.Currency ?? "USD");
            if (!files.TryGetValue(key, out var records))
            {
                files[key] = records = [];
            }

            records.Add(new UsageRecord
            {
                RecordId = context.Period.RecordId(asset.Id, Globals.UsageItemMpn),
                ItemSearchCriteria = "item.mpn",
                ItemSearchValue = Globals.UsageItemMpn,
                AssetSearchCriteria = "asset.id",
                AssetSearchValue = asset.Id,
                Quantity = quantity,
            });
        }

        foreach (var ((product, contract, currency), records) in files)
        {
            await context.SubmitAsync(product, contract, currency, records, cancellationToken);
        }
    }

    /// <summary>The subscription's consumption in the period, from your system (0 reports nothing).</summary>
    private static Task<decimal> GetUsageAsync(Asset asset, UsagePeriod period, CancellationToken cancellationToken)
    {
        // Ask your vendor API for the consumption of asset.Id between period.StartUtc and period.EndUtc.
        _ = (asset, period, cancellationToken);
        return Task.FromResult(0m);
    }
}
