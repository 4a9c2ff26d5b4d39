using System.Text.Json;
using Connect.Sdk.Models;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk;

/// <summary>
/// Turns failures into the one exception root: an error answer into <see cref="ConnectApiException"/> (the Connect
/// error document parsed when there is one), a call without an answer into a <see cref="ConnectException"/> with
/// status 0 and the original inside. The key is scrubbed from every message.
/// </summary>
internal static class ConnectErrors
{
    private const int MaxBodyInMessage = 500;

    /// <summary>Whether <paramref name="exception"/> is a failure of the call itself (no answer, or no whole answer).</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutException or OperationCanceledException or Polly.ExecutionRejectedException;

    public static ConnectException TransportFailure(string method, string url, TimeSpan timeout, Exception exception, string authorization) =>
        ConnectException.TransportFailure(
            exception is Polly.Timeout.TimeoutRejectedException or OperationCanceledException
                ? $"{method} {url} did not answer within {timeout}."
                : $"{method} {url} failed: {SecretMask.Scrub(exception.Message, authorization)}",
            exception);

    public static async Task<ConnectApiException> FromResponseAsync(
        HttpResponseMessage response, string method, string url, string authorization, ILogger logger, CancellationToken cancellationToken)
    {
        var text = SecretMask.Scrub(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), authorization);
        if (text.Length > 0 && logger.IsEnabled(LogLevel.Trace))
        {
            Log.ResponseBody(logger, SecretMask.Truncate(text, 4000));
        }

        var error = TryParse(text);
        Log.ApiError(logger, method, url, response.StatusCode, error?.ErrorCode);
        return error is not null
            ? new ConnectApiException(response.StatusCode, method, url, error)
            : new ConnectApiException(response.StatusCode, method, url, null, string.IsNullOrWhiteSpace(text) ? null : SecretMask.Truncate(text.Trim(), MaxBodyInMessage));
    }

    /// <summary>A Connect error document has <c>error_code</c> and/or <c>errors</c>; anything else is not one.</summary>
    public static ServerErrorResponse? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(text, ConnectJson.TypeInfo<ServerErrorResponse>());
            return error is { ErrorCode: not null } or { Errors.Count: > 0 } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
