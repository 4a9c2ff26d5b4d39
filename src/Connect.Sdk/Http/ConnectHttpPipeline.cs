using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect.Sdk;

/// <summary>
/// The steps every call goes through, outermost first: <see cref="UserAgentHandler"/>,
/// <see cref="AuthenticationHandler"/>, <see cref="TracingHandler"/> (span and metrics per call),
/// <see cref="LoggingHandler"/>, the retry and timeout step (<see cref="ConnectResilience"/>),
/// <see cref="AttemptCountingHandler"/> (once per attempt), then the handler that sends. <c>AddConnectClient</c> registers the same steps, in
/// the same order, with <c>IHttpClientFactory</c>; <see cref="Create"/> chains them for the standalone client.
/// </summary>
internal static class ConnectHttpPipeline
{
    /// <summary>Category of the SDK's log lines.</summary>
    public const string LogCategory = "Connect.Sdk";

    public static HttpMessageHandler Create(ConnectClientOptions options, HttpMessageHandler innerHandler, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        var time = timeProvider ?? options.TimeProvider ?? TimeProvider.System;
        var logger = loggerFactory?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        var steps = Steps(options, logger, time);
        var chain = innerHandler;
        for (var i = steps.Length - 1; i >= 0; i--)
        {
            steps[i].InnerHandler = chain;
            chain = steps[i];
        }

        return chain;
    }

    /// <summary>The steps, outermost first.</summary>
    private static DelegatingHandler[] Steps(ConnectClientOptions options, ILogger logger, TimeProvider time) =>
    [
        new UserAgentHandler(),
        new AuthenticationHandler(options),
        new TracingHandler(options),
        new LoggingHandler(options, logger, time),
        ConnectResilience.CreateHandler(options, time),
        new AttemptCountingHandler(),
    ];
}
