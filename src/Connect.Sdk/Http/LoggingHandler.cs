using Microsoft.Extensions.Logging;

namespace Connect.Sdk;

/// <summary>
/// Pipeline step: logs each call once it is answered (Debug: method, URL, status, time), or its failure; at Trace
/// also the request line, headers and body. The key is masked in headers and scrubbed from bodies. It sits outside
/// the retry step, so one call gives one line however many attempts it took (Polly reports the attempts). Response
/// bodies are logged at Trace where the transport reads them, so logging never changes how a body is read.
/// </summary>
internal sealed class LoggingHandler(ConnectClientOptions options, ILogger logger, TimeProvider time) : DelegatingHandler
{
    private readonly string _authorization = options.AuthorizationHeader;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var url = ConnectRequest.DisplayUrl(request);
        if (logger.IsEnabled(LogLevel.Trace))
        {
            await LogRequestAsync(request, method, url, cancellationToken).ConfigureAwait(false);
        }

        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Log.Received(logger, method, url, (int)response.StatusCode, ElapsedMs(started));
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TransportError(logger, method, url, ElapsedMs(started), SecretMask.Scrub(ex.Message, _authorization));
            throw;
        }
    }

    private async Task LogRequestAsync(HttpRequestMessage request, string method, string url, CancellationToken cancellationToken)
    {
        Log.Sending(logger, method, url);
        var authorization = request.Headers.TryGetValues("Authorization", out var values) ? SecretMask.MaskAuthorization(string.Join(",", values)) : "(none)";
        var userAgent = request.Headers.TryGetValues("User-Agent", out var agents) ? string.Join(" ", agents) : "(none)";
        Log.RequestHeaders(logger, authorization, userAgent);
        if (request.Content is StringContent body)
        {
            var text = await body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Log.RequestBody(logger, SecretMask.ForLog(text, _authorization));
        }
    }

    private long ElapsedMs(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
