// C# version of the Python connect-sdk's "Processing Fulfillment Requests" example.
// Run: dotnet run --project samples/01-fulfillment
// Against a real account: set CONNECT_API_URL, CONNECT_API_KEY (and CONNECT_PRODUCTS) first.
using Connect.Automation;
using Connect.Samples;
using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

await using var environment = await SampleEnvironment.StartAsync(["PRD-100-200-300", "PRD-400-500-600"]);
var automation = new FulfillmentExample(
    environment.Client, new AutomationOptions { MaxConcurrency = 1 }, environment.LoggerFactory.CreateLogger("FulfillmentExample"));
var report = await automation.ProcessAsync();
await environment.DisposeAsync(); // flushes the console log before the summary
SampleEnvironment.Print(report);
return report.HasUnexpectedFailures ? 1 : 0;

/// <summary>Approves purchases with a tile, inquires for a missing e-mail, fails changes, skips the rest.</summary>
internal sealed partial class FulfillmentExample(ConnectClient client, AutomationOptions options, ILogger logger)
    : FulfillmentAutomation(client, options, logger)
{
    protected override async Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken)
    {
        // Purchases that need migration never get here: the engine skips them (AutomationOptions.SkipMigrationRequests).
        LogProcessing(Logger, request.Id, request.Contract?.Id, request.Asset?.Product?.Name, request.Marketplace?.Name);

        switch (request.Type)
        {
            case RequestType.Purchase:
                foreach (var item in request.Asset?.Items ?? [])
                {
                    if (item.Quantity > 100_000)
                    {
                        return ProcessResult.Fail("Is Not possible to purchase product");
                    }
                }

                foreach (var param in request.Asset?.Params ?? [])
                {
                    if (param.Id == "customer_email" && string.IsNullOrEmpty(param.Value))
                    {
                        param.ValueError = "Email address has not been provided, please provide one";
                        return ProcessResult.Inquire([param]);
                    }
                }

                // Provision in the vendor's system, then store what it returned in the fulfillment parameters.
                var provisioned = (request.Asset?.Params ?? [])
                    .Where(p => p.Phase == "fulfillment" && string.IsNullOrEmpty(p.Value))
                    .Select(p => new Param { Id = p.Id, Value = $"{p.Id}-{request.Asset!.Id}" })
                    .ToList();
                if (provisioned.Count > 0)
                {
                    await UpdateParametersAsync(request.Id!, provisioned, cancellationToken: cancellationToken);
                }

                // Approve by activation tile; or ProcessResult.Approve("TL-...") with an activation template.
                return ProcessResult.ApproveWithTile("\n # Welcome to Fallball!\n\nYes, you decided to have an account in our amazing service!");

            case RequestType.Change:
                return ProcessResult.Fail("Changes are not supported yet");

            default:
                return ProcessResult.Skip();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processing request {RequestId} for contract {ContractId}, product {Product}, marketplace {Marketplace}")]
    private static partial void LogProcessing(ILogger logger, string? requestId, string? contractId, string? product, string? marketplace);
}
