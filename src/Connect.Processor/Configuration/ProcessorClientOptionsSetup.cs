using Connect.Sdk;
using Microsoft.Extensions.Options;

namespace Connect.Processor;

/// <summary>
/// Configures the registered client's <see cref="ConnectClientOptions"/> with the processor's
/// <see cref="ProcessorOptions.Connect"/>: every setting, so the client the processor resolves is the one its settings
/// describe (retries, timeout, page size included).
/// </summary>
internal sealed class ProcessorClientOptionsSetup(IOptions<ProcessorOptions> processor) : IConfigureOptions<ConnectClientOptions>
{
    public void Configure(ConnectClientOptions options)
    {
        var source = processor.Value.Connect ?? new ConnectClientOptions();
        options.Endpoint = source.Endpoint;
        options.ApiKey = source.ApiKey;
        options.Products = new List<string>(source.Products ?? []);
        options.AllowInsecureHttp = source.AllowInsecureHttp;
        options.MaxRetries = source.MaxRetries;
        options.RetryBaseDelay = source.RetryBaseDelay;
        options.Timeout = source.Timeout;
        options.PageSize = source.PageSize;
        options.PrefetchNextPage = source.PrefetchNextPage;
        options.TimeProvider = source.TimeProvider;
    }
}
