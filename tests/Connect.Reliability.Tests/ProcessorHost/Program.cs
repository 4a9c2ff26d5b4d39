// The processor process of the replica and crash tests: a Connect.Processor host, set up the way a vendor's processor
// is (templates/content/connect-processor, samples/ExampleProcessor): Host.CreateApplicationBuilder, the processor's
// configuration sources (config file, CONNECT_* variables, run flags), AddConnectProcessor with a purchase handler,
// RunProcessorAsync for the exit code.
//
//   CONNECT_API_URL, CONNECT_API_KEY, CONNECT_PRODUCTS   the emulator and the product
//   --config <file>                                     activationTemplateName, maxConcurrency, ...
//   --interval N                                        continuous mode (the tests stop it with SIGTERM or SIGKILL)
//   VENDOR_API_URL                                      the lease tests: purchases create a subscription at the example's
//                                                       mock vendor (samples/ExampleProcessor/Vendor) first
//   VENDOR_LOOKUP=off                                   ... without asking the vendor for one made with the same key
//
// Standard output, one line each (read by ProcessTests): "run <report>" when a run completes, then
// "<outcome> <request id>" for each request of that run that was not skipped (errors followed by their message);
// "exit <code>" at the end; with VENDOR_API_URL also "handling <request id>" when a purchase handler starts.
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
if (Environment.GetEnvironmentVariable("VENDOR_API_URL") is { Length: > 0 } vendorApi)
{
    // The lease tests: purchases go through the example's mock vendor, which counts the create calls per request.
    builder.Services.AddHttpClient<ExampleProcessor.Vendor.VendorClient>(http => http.BaseAddress = new Uri(vendorApi));
    builder.Services.AddConnectProcessor(builder.Configuration)
        .AddFulfillmentHandler<VendorPurchase>(RequestType.Purchase);
}
else
{
    builder.Services.AddConnectProcessor(builder.Configuration)
        .AddFulfillmentHandler<ApprovePurchase>(RequestType.Purchase);
}

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

    /// <summary>
    /// Creates the purchase's subscription at the vendor with the request id as idempotency key (asking first whether a
    /// replica that died after its vendor call already created it), saves its id and approves. Writes
    /// <c>handling &lt;id&gt;</c> before the vendor call, which the SIGKILL test reads to know what the killed replica held.
    /// </summary>
    internal sealed class VendorPurchase(ExampleProcessor.Vendor.VendorClient vendor) : IRequestHandler<FulfillmentRequest>
    {
        // VENDOR_LOOKUP=off: create straight away, as the example's Purchase handler does (the no-lease test).
        private static readonly bool LookUpFirst = Environment.GetEnvironmentVariable("VENDOR_LOOKUP") != "off";

        public async Task<ProcessResult> HandleAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
        {
            Console.Out.WriteLine("handling " + request.Id);
            var subscription = (LookUpFirst ? await vendor.FindByIdempotencyKeyAsync(context.IdempotencyKey, cancellationToken).ConfigureAwait(false) : null)
                ?? await vendor.CreateSubscriptionAsync(
                    request.GetParamValue("tenant_domain") ?? request.Id!, request.GetParamValue("customer_email"), [("MPN-A", 1m)], null, cancellationToken,
                    idempotencyKey: context.IdempotencyKey).ConfigureAwait(false);
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = subscription["id"]!.GetValue<string>() }], cancellationToken: cancellationToken).ConfigureAwait(false);
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
