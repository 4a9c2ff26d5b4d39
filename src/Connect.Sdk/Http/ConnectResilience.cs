using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace Connect.Sdk;

/// <summary>
/// The retry and timeout pipeline shared by the DI path and the standalone constructor (built on
/// Microsoft.Extensions.Http.Resilience): exponential backoff with jitter, <c>Retry-After</c> honoured,
/// a timeout per attempt. Idempotent calls retry on transport failures, timeouts, 408, 429 and 5xx;
/// other calls (action POSTs) only on 429/503 and on connection failures, where the request was certainly not sent.
/// </summary>
internal static class ConnectResilience
{
    public const string PipelineName = "connect";

    /// <summary>
    /// Polly reports every attempt at Information (Warning when it is retried); a person reading the default log wants
    /// the retries (Polly's <c>OnRetry</c> stays a Warning), not a line per attempt. This moves the attempt lines of the
    /// SDK's pipeline (named <paramref name="pipelineName"/> by <c>IHttpClientFactory</c>) to Debug and leaves every
    /// other pipeline's severity as it was.
    /// </summary>
    public static void QuietAttempts(TelemetryOptions telemetry, string pipelineName)
    {
        var previous = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args =>
            args.Event.EventName == "ExecutionAttempt" && args.Source.PipelineName == pipelineName
                ? ResilienceEventSeverity.Debug
                : previous?.Invoke(args) ?? args.Event.Severity;
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectClientOptions options)
    {
        if (options.MaxRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            };
            retry.ShouldRetryAfterHeader = true;
            builder.AddRetry(retry);
        }

        builder.AddTimeout(options.Timeout);
    }

    public static DelegatingHandler CreateHandler(ConnectClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        Configure(builder, options);
        return new ResilienceHandler(builder.Build());
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        var idempotent = request is null || IsIdempotent(request.Method);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => idempotent || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                TimeoutRejectedException => idempotent,
                _ => false,
            };
        }

        var status = outcome.Result!.StatusCode;
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            return true;
        }

        return idempotent && (status is HttpStatusCode.RequestTimeout || (int)status >= 500);
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Options;
}
