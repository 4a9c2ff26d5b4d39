using System.Net;
using System.Text;
using System.Text.Json;
using Connect.Sdk.Models;

namespace Connect.Sdk;

/// <summary>
/// The Connect API answered with an error status. Carries the status code, the <c>error_code</c>, the
/// <c>errors</c> and <c>params</c> of the body when it was a Connect error document, and the method and URL of
/// the call. Never carries the API key.
/// </summary>
public sealed class ConnectApiException : ConnectException
{
    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="method">HTTP method of the call.</param>
    /// <param name="url">URL of the call.</param>
    /// <param name="error">The parsed error body, when the body was a Connect error document.</param>
    /// <param name="rawBody">The raw body (truncated), when it was not.</param>
    public ConnectApiException(HttpStatusCode statusCode, string method, string url, ServerErrorResponse? error, string? rawBody = null)
        : base(BuildMessage(statusCode, method, url, error, rawBody), statusCode)
    {
        Method = method;
        Url = url;
        ErrorCode = error?.ErrorCode;
        Errors = error?.Errors?.ToArray() ?? (string.IsNullOrEmpty(rawBody) ? [] : [rawBody]);
        Params = error?.Params is { } p ? new Dictionary<string, JsonElement>(p) : new Dictionary<string, JsonElement>();
        RawBody = rawBody;
    }

    /// <summary>The body's <c>error_code</c> (e.g. <c>AUTH_001</c>, <c>VAL_001</c>), if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>The body's <c>errors</c>; for a body that was not a Connect error document, its text.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The body's optional <c>params</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Params { get; }

    /// <summary>HTTP method of the call.</summary>
    public string Method { get; }

    /// <summary>URL of the call.</summary>
    public string Url { get; }

    /// <summary>The raw body (truncated) when it was not a Connect error document.</summary>
    public string? RawBody { get; }

    private static string BuildMessage(HttpStatusCode statusCode, string method, string url, ServerErrorResponse? error, string? rawBody)
    {
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(url).Append(" failed: ").Append((int)statusCode).Append(' ').Append(statusCode);
        if (error?.ErrorCode is { } code)
        {
            text.Append(": ").Append(code);
        }

        if (error?.Errors is { Count: > 0 } errors)
        {
            text.Append(" - ").AppendJoin("; ", errors);
        }
        else if (!string.IsNullOrWhiteSpace(rawBody))
        {
            text.Append(" - ").Append(rawBody);
        }

        return text.ToString();
    }
}
