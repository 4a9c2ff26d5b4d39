// C# version of the Python connect-sdk's "Workflow of Usage Files" example.
// Run: dotnet run --project samples/04-usage-file-workflow
using Connect.Automation;
using Connect.Samples;
using Connect.Sdk;
using Connect.Usage;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

await using var environment = await SampleEnvironment.StartAsync(["PRD-400-500-600"]);
if (environment.IsEmulator)
{
    // The demo data has no usage files: report two, one left ready and one submitted (pending), as a vendor would.
    try
    {
        await DemoFiles.ReportAsync(environment.Client);
    }
    catch (UsageSubmitException ex)
    {
        Console.WriteLine($"Could not report the demo usage files: {ex.Message}");
        return 2;
    }
}

var options = new AutomationOptions
{
    // The Python connect-sdk's default is status=ready; this workflow also looks at invalid and pending files.
    Query = new Query().In("status", ["invalid", "ready", "pending"]),
};
var automation = new UsageFileExample(environment.Client, options, environment.LoggerFactory.CreateLogger("UsageFileExample"));
try
{
    var report = await automation.ProcessAsync();
    await environment.DisposeAsync(); // flushes the console log before the summary
SampleEnvironment.Print(report);
    return report.HasUnexpectedFailures ? 1 : 0;
}
catch (ConnectApiException ex)
{
    Console.WriteLine($"Could not list usage files: {ex.Message}");
    return 2;
}

/// <summary>Deletes invalid files, submits ready ones (vendor) and accepts pending ones (provider).</summary>
internal sealed class UsageFileExample(ConnectClient client, AutomationOptions options, ILogger logger)
    : UsageFileAutomation(client, options, logger)
{
    protected override Task<ProcessResult> ProcessRequestAsync(UsageFile usageFile, CancellationToken cancellationToken) =>
        Task.FromResult(usageFile.Status switch
        {
            // Vendor and provider may handle invalid cases differently, probably notifying their staff.
            UsageFileStatus.Invalid => ProcessResult.Delete(),

            // Vendor may submit the file to the provider.
            UsageFileStatus.Ready => ProcessResult.Submit(),

            // Provider use case: needs to be reviewed and accepted.
            UsageFileStatus.Pending => ProcessResult.Accept("File looks good"),
            _ => ProcessResult.Skip("Non controlled status"),
        });
}

internal static class DemoFiles
{
    public static async Task ReportAsync(ConnectClient client)
    {
        for (var n = 1; n <= 2; n++)
        {
            var file = await client.SubmitUsageAsync(
                new UsageFile
                {
                    Name = $"Demo usage {n}",
                    Product = new Product { Id = "PRD-400-500-600" },
                    Contract = new Contract { Id = "CRD-10001-00001-00001" },
                },
                [
                    new UsageRecord
                    {
                        RecordId = $"demo-{n}",
                        ItemSearchCriteria = "item.mpn",
                        ItemSearchValue = "MPN-PPU-CALLS",
                        Quantity = 100 * n,
                        StartTimeUtc = DateTime.UtcNow.Date.AddDays(-1),
                        EndTimeUtc = DateTime.UtcNow.Date.AddSeconds(-1),
                        AssetSearchCriteria = "asset.id",
                        AssetSearchValue = "AS-0002-0001-0001",
                    },
                ],
                new UsageSubmitOptions { Submit = n == 2 });
            Console.WriteLine($"Reported demo usage file {file.Id} ({file.Status})");
        }
    }
}
