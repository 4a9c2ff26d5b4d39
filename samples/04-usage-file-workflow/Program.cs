// C# version of the seed's "Workflow of Usage Files" example.
// Run: dotnet run --project samples/04-usage-file-workflow
using Connect.Automation;
using Connect.Samples;
using Connect.Sdk;
using Microsoft.Extensions.Logging;

await using var environment = await SampleEnvironment.StartAsync(["PRD-400-500-600"]);
var options = new AutomationOptions
{
    // The seed's default is status=ready; this workflow also looks at invalid and pending files.
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
