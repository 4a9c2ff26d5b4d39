// C# version of the Python connect-sdk's "Reporting Usage Files" example.
// Run: dotnet run --project samples/03-usage-reporting
using Connect.Automation;
using Connect.Samples;
using Connect.Sdk;
using Connect.Usage;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

await using var environment = await SampleEnvironment.StartAsync(["PRD-400-500-600"]);
var contract = Environment.GetEnvironmentVariable("CONNECT_USAGE_CONTRACT") ?? "CRD-10001-00001-00001";
var automation = new UsageExample(environment.Client, contract, environment.LoggerFactory.CreateLogger("UsageExample"));
var report = await automation.ProcessAsync();
await environment.DisposeAsync(); // flushes the console log before the summary
SampleEnvironment.Print(report);
return report.HasUnexpectedFailures ? 1 : 0;

/// <summary>Reports yesterday's API calls for the listings of one provider contract.</summary>
internal sealed partial class UsageExample(ConnectClient client, string contractId, ILogger logger)
    : UsageAutomation(client, new AutomationOptions(), logger)
{
    protected override async Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken)
    {
        // Detect a specific provider contract (could also use listing.Provider.Id or the marketplace).
        if (listing.Contract?.Id != contractId)
        {
            throw new SkipRequestException("Not our contract");
        }

        var today = DateTime.UtcNow.Date;
        var usageFile = new UsageFile
        {
            Name = $"Usage {today:yyyy-MM-dd} {listing.Id}",
            Description = "Reported by the usage sample",
            Product = new Product { Id = listing.Product!.Id },
            Contract = new Contract { Id = listing.Contract!.Id },
        };
        UsageRecord[] records =
        [
            new()
            {
                RecordId = $"{listing.Id}-{today:yyyyMMdd}-1",
                ItemSearchCriteria = "item.mpn",      // or item.local_id
                ItemSearchValue = "MPN-PPU-CALLS",    // the MPN defined on the vendor portal
                Quantity = 1250,
                StartTimeUtc = today.AddDays(-1),
                EndTimeUtc = today.AddSeconds(-1),
                AssetSearchCriteria = "asset.id",     // or parameter.<name>, e.g. parameter.account_id
                AssetSearchValue = "AS-0002-0001-0001",
            },
        ];

        var uploaded = await SubmitUsageAsync(usageFile, records, cancellationToken: cancellationToken);
        LogUploaded(Logger, uploaded.Id, uploaded.Status, listing.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Usage file {UsageFileId} is {Status} for listing {ListingId}")]
    private static partial void LogUploaded(ILogger logger, string? usageFileId, string? status, string? listingId);
}
