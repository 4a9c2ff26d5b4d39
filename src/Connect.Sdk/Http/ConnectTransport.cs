using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Connect.Sdk;

/// <summary>
/// Sends the resources' calls through the client's <see cref="HttpClient"/> (whose pipeline adds the User-Agent, the
/// key, logging and retries): builds URLs, reads bodies as models, and maps every failure onto
/// <see cref="ConnectException"/> (<see cref="ConnectErrors"/>). Listings open a page, then read its body into a pooled
/// buffer (<see cref="PooledBody"/>), asking for the page again if the connection drops while the body streams in.
/// </summary>
internal sealed class ConnectTransport
{
    private readonly HttpClient _http;
    private readonly ConnectClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;
    private readonly string _authorization;

    public ConnectTransport(HttpClient http, ConnectClientOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _time = options.TimeProvider ?? TimeProvider.System;
        _baseUri = options.BaseUri;
        _authorization = options.AuthorizationHeader;
    }

    public int PageSize => _options.PageSize;

    public bool PrefetchNextPage => _options.PrefetchNextPage;

    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    public static HttpContent Json(JsonNode? body) => ConnectJson.NodeContent(body);

    public static HttpContent JsonModel<T>(T body) => ConnectJson.ModelContent(body);

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) => ConnectJson.Deserialize<T>(utf8);

    public static T Deserialize<T>(string text) => ConnectJson.Deserialize<T>(text);

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
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= _options.MaxRetries)
                {
                    throw ConnectErrors.TransportFailure("GET", Url(path, query).ToString(), _options.Timeout, ex, _authorization);
                }

                response = await OpenPageAsync(path, query, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a page's body under the attempt timeout, then deserializes it; disposes <paramref name="response"/>.
    /// At Trace level the body is logged.
    /// </summary>
    private async Task<ConnectPage<T>> ReadPageBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            using var timer = new CancellationTokenSource(_options.Timeout, _time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            PooledBody body;
            try
            {
                body = await PooledBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var url = response.RequestMessage?.RequestUri?.ToString() ?? "?";
                Log.BodyTimeout(_logger, "GET", url, _options.Timeout);
                throw ConnectException.TransportFailure($"GET {url} did not finish sending its body within {_options.Timeout}.", ex);
            }

            using (body)
            {
                if (_logger.IsEnabled(LogLevel.Trace) && body.Span.Length > 0)
                {
                    LogBody(Encoding.UTF8.GetString(body.Span));
                }

                return IsBlank(body.Span)
                    ? throw NoBody<List<T>>(response)
                    : new ConnectPage<T>(Deserialize<List<T>>(body.Span), ContentRange.Parse(response));
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

    private Uri Url(string path, string? query) =>
        new(_baseUri + path.TrimStart('/') + (string.IsNullOrEmpty(query) ? string.Empty : "?" + query));

    /// <summary>
    /// Sends one call and returns its successful answer. An error answer becomes a <see cref="ConnectApiException"/>,
    /// a call without an answer a <see cref="ConnectException"/> with status 0; the caller's cancellation stays an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string pathOrUrl, string? query, HttpContent? body, bool authenticate, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var url = authenticate ? Url(pathOrUrl, query) : new Uri(pathOrUrl);
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!authenticate)
        {
            request.Options.Set(ConnectRequest.Anonymous, true);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ConnectErrors.IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw ConnectErrors.TransportFailure(method.Method, ConnectRequest.DisplayUrl(request), _options.Timeout, ex, _authorization);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            try
            {
                throw await ConnectErrors.FromResponseAsync(response, method.Method, ConnectRequest.DisplayUrl(request), _authorization, _logger, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                throw ConnectErrors.TransportFailure(method.Method, ConnectRequest.DisplayUrl(request), _options.Timeout, ex, _authorization);
            }
        }
    }

    private void LogBody(string text)
    {
        if (_logger.IsEnabled(LogLevel.Trace) && text.Length > 0)
        {
            Log.ResponseBody(_logger, SecretMask.ForLog(text, _authorization));
        }
    }
}
