using System.Net;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Sdk;

/// <summary>SDK log messages (event ids 1000-1099). The API key is only ever logged masked.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Connect {Method} {Url}")]
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

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Connect {Method} {Url} failed: {Error}")]
    public static partial void TransportError(ILogger logger, string method, string url, string error);
}

/// <summary>Masks API keys: <c>ApiKey SU-000-000-000:secret</c> becomes <c>ApiKey SU-000-000-000**********</c>.</summary>
internal static class SecretMask
{
    public const string Stars = "**********";

    public static string MaskAuthorization(string value)
    {
        if (value.StartsWith("ApiKey ", StringComparison.Ordinal))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? "ApiKey " + Stars : value[..colon] + Stars;
        }

        return Stars + Stars;
    }

    /// <summary>Removes every occurrence of the key's secret part (and the whole key) from a text.</summary>
    public static string Scrub(string text, string apiKey)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(apiKey))
        {
            return text;
        }

        var bare = apiKey.StartsWith("ApiKey ", StringComparison.Ordinal) ? apiKey["ApiKey ".Length..] : apiKey;
        var colon = bare.IndexOf(':', StringComparison.Ordinal);
        var secret = colon >= 0 ? bare[(colon + 1)..] : bare;
        if (secret.Length >= 4)
        {
            text = text.Replace(secret, Stars, StringComparison.Ordinal);
        }

        return text;
    }
}
