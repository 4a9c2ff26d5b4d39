// The processor process of the replica and crash tests: a Connect.Processor host, set up the way a vendor's processor
// is (templates/content/connect-processor, samples/ExampleProcessor): Host.CreateApplicationBuilder, the processor's
// configuration sources (config file, CONNECT_* variables, run flags), AddConnectProcessor with a purchase handler,
// RunProcessorAsync for the exit code.
//
//   CONNECT_API_URL, CONNECT_API_KEY, CONNECT_PRODUCTS   the emulator and the product
//   --config <file>                                     activationTemplateName, maxConcurrency, ...
//   --interval N                                        continuous mode (the tests stop it with SIGTERM or SIGKILL)
//
// Standard output, one line each (read by ProcessTests): "run <report>" when a run completes, then
// "<outcome> <request id>" for each request of that run that was not skipped (errors followed by their message);
// "exit <code>" at the end.
using Connect.Automation;
using Connect.Processor;
using Connect.Reliability.ProcessorHost;
using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddConnectProcessorConfiguration(args, AppContext.BaseDirectory);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IProcessorObserver, RunPrinter>();
builder.Services.AddConnectProcessor(builder.Configuration)
    .AddFulfillmentHandler<ApprovePurchase>(RequestType.Purchase);
using var host = builder.Build();
var exitCode = await host.RunProcessorAsync();
Console.WriteLine("exit " + exitCode);
return exitCode;

namespace Connect.Reliability.ProcessorHost
{
    /// <summary>Saves the required fulfillment parameter <c>subscription_id</c> and approves with the activation template (looked up by name).</summary>
    internal sealed class ApprovePurchase : IRequestHandler<FulfillmentRequest>
    {
        public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
        {
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-" + request.Id }], cancellationToken: cancellationToken).ConfigureAwait(false);
            return ProcessResult.Approve(await context.GetActivationTemplateIdAsync(request.GetProductId(), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Writes each completed run's report and its non-skipped outcomes to standard output.</summary>
    internal sealed class RunPrinter : IProcessorObserver
    {
        public void OnRunCompleted(ProcessorRunReport report)
        {
            var text = new System.Text.StringBuilder("run ").Append(report).AppendLine();
            foreach (var request in report.Requests.Where(r => r.Outcome != AutomationOutcome.Skipped))
            {
                text.Append(request.Outcome).Append(' ').Append(request.Id);
                if (request.Outcome == AutomationOutcome.Error)
                {
                    text.Append(' ').Append(request.Message);
                }

                text.AppendLine();
            }

            Console.Out.Write(text.ToString());
        }
    }
}
