using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Sdk;

/// <summary>One page of a listing and the <c>Content-Range</c> the server sent with it.</summary>
internal sealed record ConnectPage<T>(IReadOnlyList<T> Items, ContentRange? Range);

/// <summary>A parsed <c>Content-Range: items first-last/total</c> header.</summary>
internal readonly record struct ContentRange(long First, long Last, long Total)
{
    public static ContentRange? Parse(HttpResponseMessage response)
    {
        string? text = null;
        if (response.Content.Headers.TryGetValues("Content-Range", out var values) || response.Headers.TryGetValues("Content-Range", out values))
        {
            text = values.FirstOrDefault();
        }

        if (text is null)
        {
            return null;
        }

        // items 0-99/250
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var dash = text.IndexOf('-', space + 1);
        var slash = text.IndexOf('/', dash + 1);
        if (space < 0 || dash < 0 || slash < 0
            || !long.TryParse(text.AsSpan(space + 1, dash - space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(text.AsSpan(dash + 1, slash - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            return null;
        }

        return new ContentRange(first, last, total);
    }
}

/// <summary>
/// Sends calls to Connect: builds URLs, adds the Authorization and User-Agent headers, logs (key masked),
/// turns error responses into <see cref="ConnectApiException"/> and bad JSON into <see cref="ConnectSerializationException"/>.
/// </summary>
internal sealed class ConnectTransport
{
    private const int MaxBodyInMessage = 500;
    private const int MaxBodyInLog = 4000;

    private readonly HttpClient _http;
    private readonly ConnectClientOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _baseUri;
    private readonly string _authorization;

    public ConnectTransport(HttpClient http, ConnectClientOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _baseUri = options.BaseUri;
        _authorization = options.AuthorizationHeader;
    }

    public static string UserAgent { get; } = BuildUserAgent();

    public int PageSize => _options.PageSize;

    public bool PrefetchNextPage => _options.PrefetchNextPage;

    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, string? query, HttpContent? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, query, body, authenticate: true, cancellationToken).ConfigureAwait(false);
        var bytes = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return IsBlank(bytes) ? throw NoBody<T>(response) : Deserialize<T>(bytes);
    }

    /// <summary>Sends a call whose answer may be empty (204 or an empty 200); returns default then.</summary>
    public async Task<T?> SendOptionalAsync<T>(HttpMethod method, string path, string? query, HttpContent? body, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(method, path, query, body, authenticate: true, cancellationToken).ConfigureAwait(false);
        var bytes = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return IsBlank(bytes) ? null : Deserialize<T>(bytes);
    }

    public async Task SendNoContentAsync(HttpMethod method, string path, HttpContent? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, null, body, authenticate: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> GetTextAsync(string path, string? query, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, query, null, authenticate: true, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        LogBody(text);
        return text;
    }

    /// <summary>One page of a listing: <see cref="OpenPageAsync"/> then <see cref="ReadPageAsync"/>.</summary>
    public async Task<ConnectPage<T>> GetPageAsync<T>(string path, string query, CancellationToken cancellationToken)
    {
        var response = await OpenPageAsync(path, query, cancellationToken).ConfigureAwait(false);
        return await ReadPageAsync<T>(response, path, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a listing call and returns once its headers (and <c>Content-Range</c>) are in; the body is read by
    /// <see cref="ReadPageAsync"/>, which disposes the response. A paging loop can request the next page in between.
    /// </summary>
    public Task<HttpResponseMessage> OpenPageAsync(string path, string query, CancellationToken cancellationToken) =>
        SendRawAsync(HttpMethod.Get, path, query, null, authenticate: true, cancellationToken, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>
    /// Reads the body of the page <see cref="OpenPageAsync"/> opened for <paramref name="path"/>?<paramref name="query"/>
    /// and disposes the response. The retry pipeline covers a call only up to its headers, so a connection lost while
    /// the body streams in is retried here by asking for the same page again (a GET), up to
    /// <see cref="ConnectClientOptions.MaxRetries"/> times.
    /// </summary>
    public async Task<ConnectPage<T>> ReadPageAsync<T>(HttpResponseMessage response, string path, string query, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ReadPageBodyAsync<T>(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && attempt < _options.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                response = await OpenPageAsync(path, query, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a page's body into a pooled buffer (no string copy, no large-object-heap allocation per page), under the
    /// attempt timeout, then deserializes it; disposes <paramref name="response"/>. At Trace level the body is logged.
    /// </summary>
    private async Task<ConnectPage<T>> ReadPageBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            byte[]? buffer = null;
            try
            {
                var length = 0;
                var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var expected = response.Content.Headers.ContentLength is long known and > 0 and < int.MaxValue ? (int)known + 1 : 64 * 1024;
                    buffer = ArrayPool<byte>.Shared.Rent(expected);
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        var read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                    }
                }

                var body = buffer.AsSpan(0, length);
                if (_logger.IsEnabled(LogLevel.Trace) && length > 0)
                {
                    LogBody(Encoding.UTF8.GetString(body));
                }

                if (IsBlank(body))
                {
                    throw NoBody<List<T>>(response);
                }

                return new ConnectPage<T>(Deserialize<List<T>>(body), ContentRange.Parse(response));
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var url = response.RequestMessage?.RequestUri?.ToString();
                Log.TransportError(_logger, "GET", url ?? "?", ex.Message);
                throw new TimeoutException($"GET {url} did not finish sending its body within {_options.Timeout}.", ex);
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    public async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, url.ToString(), null, null, authenticate: false, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public Uri Resolve(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(_baseUri.GetLeftPart(UriPartial.Authority) + "/" + pathOrUrl.TrimStart('/'), UriKind.Absolute);

    public static HttpContent Json(JsonNode? body)
    {
        var text = body is null ? "{}" : body.ToJsonString(ConnectJson.Options);
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    public static HttpContent JsonModel<T>(T body) =>
        new StringContent(JsonSerializer.Serialize(body, ConnectJson.TypeInfo<T>()), Encoding.UTF8, "application/json");

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, ConnectJson.TypeInfo<T>())
                ?? throw new ConnectSerializationException(typeof(T), "$", "the response was JSON null");
        }
        catch (JsonException ex)
        {
            throw new ConnectSerializationException(typeof(T), ex.Path, ex.Message, ex);
        }
    }

    public static T Deserialize<T>(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, ConnectJson.TypeInfo<T>())
                ?? throw new ConnectSerializationException(typeof(T), "$", "the response was JSON null");
        }
        catch (JsonException ex)
        {
            throw new ConnectSerializationException(typeof(T), ex.Path, ex.Message, ex);
        }
    }

    private static ConnectSerializationException NoBody<T>(HttpResponseMessage response) =>
        new(typeof(T), "$", $"the response to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} had no body");

    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.Trim(" \t\r\n"u8).IsEmpty;

    /// <summary>The (already buffered) body as UTF-8 bytes: no UTF-16 copy; logged at Trace.</summary>
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Trace) && bytes.Length > 0)
        {
            LogBody(Encoding.UTF8.GetString(bytes));
        }

        return bytes;
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string pathOrUrl, string? query, HttpContent? body, bool authenticate, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var url = authenticate ? new Uri(_baseUri + pathOrUrl.TrimStart('/') + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query)) : new Uri(pathOrUrl);
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (authenticate)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        var methodText = method.Method;
        // A download link carries a storage signature in its query: keep it out of logs and messages.
        var urlText = authenticate || string.IsNullOrEmpty(url.Query) ? url.ToString() : url.GetLeftPart(UriPartial.Path) + "?…";
        Log.Sending(_logger, methodText, urlText);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.RequestHeaders(_logger, authenticate ? SecretMask.MaskAuthorization(_authorization) : "(none)", UserAgent);
            if (body is StringContent)
            {
                var text = await body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                Log.RequestBody(_logger, Truncate(SecretMask.Scrub(text, _authorization), MaxBodyInLog));
            }
        }

        var started = TimeProvider.System.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            Log.TransportError(_logger, methodText, urlText, ex.Message);
            throw new TimeoutException($"{methodText} {urlText} did not answer within {_options.Timeout}.", ex);
        }
        catch (HttpRequestException ex)
        {
            Log.TransportError(_logger, methodText, urlText, ex.Message);
            throw;
        }

        Log.Received(_logger, methodText, urlText, (int)response.StatusCode, (long)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await BuildErrorAsync(response, methodText, urlText, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ConnectApiException> BuildErrorAsync(HttpResponseMessage response, string method, string url, CancellationToken cancellationToken)
    {
        var text = SecretMask.Scrub(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), _authorization);
        LogBody(text);
        var error = TryParseError(text);
        Log.ApiError(_logger, method, url, response.StatusCode, error?.ErrorCode);
        return error is not null
            ? new ConnectApiException(response.StatusCode, method, url, error)
            : new ConnectApiException(response.StatusCode, method, url, null, string.IsNullOrWhiteSpace(text) ? null : Truncate(text.Trim(), MaxBodyInMessage));
    }

    /// <summary>A Connect error document has <c>error_code</c> and/or <c>errors</c>; anything else is not one.</summary>
    internal static ServerErrorResponse? TryParseError(string text)
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

    private void LogBody(string text)
    {
        if (_logger.IsEnabled(LogLevel.Trace) && text.Length > 0)
        {
            Log.ResponseBody(_logger, Truncate(SecretMask.Scrub(text, _authorization), MaxBodyInLog));
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string BuildUserAgent()
    {
        var assembly = typeof(ConnectTransport).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var os = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsLinux() ? "Linux" : "Unknown";
        return $"connect-dotnet/{version} .NET/{Environment.Version} {os}/{Environment.OSVersion.Version}";
    }
}
