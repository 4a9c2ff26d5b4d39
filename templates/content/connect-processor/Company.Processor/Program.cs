// The processor's entry point (the Python Processor SDK template's processor.py): reads config.json, appsettings.json and the CONNECT_*
// environment variables, then processes pending tier config requests first and fulfillment requests second, dispatching
// each by type to the handlers registered in Processor.cs, and reports usage on dayToReportUsage.
//
//   dotnet run                  # once (cron-friendly): exit code 0 unless a request failed unexpectedly
//   dotnet run -- --interval 60 # continuous: every 60 s until SIGTERM/Ctrl+C
using Company.Processor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddConnectProcessorConfiguration(args, AppContext.BaseDirectory);
builder.Services.AddProcessor(builder.Configuration);

using var host = builder.Build();
return await host.RunProcessorAsync();
