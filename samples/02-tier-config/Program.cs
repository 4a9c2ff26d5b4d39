// C# version of the Python connect-sdk's "Processing Tier Config Requests" example (the Python connect-sdk's is a skeleton; this one decides).
// Run: dotnet run --project samples/02-tier-config
using Connect.Automation;
using Connect.Samples;
using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

await using var environment = await SampleEnvironment.StartAsync(["PRD-100-200-300"]);
var automation = new TierConfigExample(environment.Client, new AutomationOptions(), environment.LoggerFactory.CreateLogger("TierConfigExample"));
var report = await automation.ProcessAsync();
await environment.DisposeAsync(); // flushes the console log before the summary
SampleEnvironment.Print(report);
return report.HasUnexpectedFailures ? 1 : 0;

/// <summary>Approves setup requests with the product's tier-1 template, asking for a partner number when it is missing.</summary>
internal sealed partial class TierConfigExample(ConnectClient client, AutomationOptions options, ILogger logger)
    : TierConfigAutomation(client, options, logger)
{
    protected override async Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken)
    {
        var configuration = request.Configuration;
        LogProcessing(Logger, request.Id, request.Type, configuration?.Account?.Name, configuration?.TierLevel);
        var partner = request.Params?.FirstOrDefault(p => p.Id == "partner_number");
        if (partner is not null && string.IsNullOrEmpty(partner.Value))
        {
            partner.ValueError = "Please provide your partner number.";
            return ProcessResult.Inquire([partner]);
        }

        // Store the reseller's account in our system as a fulfillment parameter.
        await UpdateParametersAsync(request.Id!,
            [new Param { Id = "reseller_account_id", Value = "RA-" + configuration?.Account?.Id }], cancellationToken: cancellationToken);

        var productId = configuration?.Product?.Id ?? throw new InvalidOperationException("The request has no product.");
        var scope = "tier" + (configuration.TierLevel ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await foreach (var template in Client.Products.ListTemplatesAsync(productId, new Query().Equal("scope", scope), cancellationToken))
        {
            return ProcessResult.Approve(template.Id!);
        }

        return ProcessResult.Skip($"No {scope} template for {productId} yet.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processing {RequestId} ({Type}) for {Account}, tier level {Level}")]
    private static partial void LogProcessing(ILogger logger, string? requestId, string? type, string? account, int? level);
}
