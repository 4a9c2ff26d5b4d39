using System.Net;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk;

/// <summary>
/// SDK log messages (event ids 1000-1099). The API key is only ever logged masked. At Debug one call gives one line
/// (<see cref="Received"/> or <see cref="TransportError"/>), two when it failed with an API error (<see cref="ApiError"/>)
/// or lost its body part way (<see cref="BodyTimeout"/>); the rest is at Trace.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Trace, Message = "Connect {Method} {Url}")]
    public static partial void Sending(ILogger logger, string method, string url);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Trace, Message = "Connect request headers: Authorization: {Authorization}; User-Agent: {UserAgent}")]
    public static partial void RequestHeaders(ILogger logger, string authorization, string userAgent);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Trace, Message = "Connect request body: {Body}")]
    public static partial void RequestBody(ILogger logger, string body);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Connect {Method} {Url} answered {StatusCode} in {ElapsedMs} ms")]
    public static partial void Received(ILogger logger, string method, string url, int statusCode, long elapsedMs);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Trace, Message = "Connect response body: {Body}")]
    public static partial void ResponseBody(ILogger logger, string body);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Connect {Method} {Url} failed with {StatusCode} {ErrorCode}")]
    public static partial void ApiError(ILogger logger, string method, string url, HttpStatusCode statusCode, string? errorCode);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Connect {Method} {Url} failed after {ElapsedMs} ms: {Error}")]
    public static partial void TransportError(ILogger logger, string method, string url, long elapsedMs, string error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Connect {Method} {Url}: the body did not arrive within {Timeout}")]
    public static partial void BodyTimeout(ILogger logger, string method, string url, TimeSpan timeout);
}
