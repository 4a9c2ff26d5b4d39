using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Processor;

/// <summary>Serves the dynamic validation endpoint on its own Kestrel listener inside the processor's process, when enabled.</summary>
internal sealed class DynamicValidationService(
    IOptions<ProcessorOptions> options, DynamicValidationAddress address, IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.DynamicValidation;
        if (!settings.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DynamicValidationService).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(new DynamicValidator(scopes));
        var ip = settings.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(settings.Host);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(ip, settings.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        var app = builder.Build();
        app.MapConnectDynamicValidation(settings.Path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is not null)
        {
            var url = new Uri(new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), settings.Path);
            address.Set(url);
            Log.ValidationListening(loggerFactory.CreateLogger("Connect.Processor.DynamicValidation"), url.ToString());
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
