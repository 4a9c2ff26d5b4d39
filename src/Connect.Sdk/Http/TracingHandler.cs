using System.Diagnostics;
using System.Globalization;

namespace Connect.Sdk;

/// <summary>
/// Pipeline step: one client span (<see cref="ConnectSdkTelemetry.Source"/>) and one duration value per call. It sits
/// outside the retry step, so a span covers every attempt; <see cref="AttemptCountingHandler"/>, inside the retry step,
/// counts them. While the span is current, <see cref="HttpClient"/>'s own propagation sends it to Connect as the W3C
/// <c>traceparent</c> header.
/// </summary>
internal sealed class TracingHandler(ConnectClientOptions options) : DelegatingHandler
{
    private readonly string _basePath = BasePath(options.Endpoint);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempts = new AttemptCount();
        request.Options.Set(AttemptCount.Key, attempts);
        var method = request.Method.Method;
        var template = UrlTemplate.From(request.RequestUri, _basePath);
        var started = Stopwatch.GetTimestamp();
        using var activity = ConnectSdkTelemetry.Source.StartActivity(method + " " + template, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", template);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
            }
        }

        var tags = new TagList { { "http.request.method", method }, { "url.template", template } };
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            tags.Add("http.response.status_code", status);
            if (status >= 400)
            {
                tags.Add("error.type", status.ToString(CultureInfo.InvariantCulture));
            }

            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                if (status >= 400)
                {
                    activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
                    activity.SetStatus(ActivityStatusCode.Error);
                    if (await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false) is { } code)
                    {
                        activity.SetTag("connect.error_code", code);
                    }
                }
            }

            return response;
        }
        catch (Exception ex)
        {
            var type = ex.GetType().FullName ?? ex.GetType().Name;
            tags.Add("error.type", type);
            if (activity is not null)
            {
                activity.SetTag("error.type", type);
                activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            }

            throw;
        }
        finally
        {
            var retries = Math.Max(0, attempts.Value - 1);
            activity?.SetTag("http.request.resend_count", retries);
            ConnectSdkTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (retries > 0)
            {
                ConnectSdkTelemetry.Retries.Add(retries, tags);
            }
        }
    }

    /// <summary>
    /// The Connect <c>error_code</c> of an error answer. The body is buffered (error documents are small and are read
    /// whole by the transport anyway), so the transport still reads it after this step.
    /// </summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ConnectErrors.TryParse(text)?.ErrorCode;
    }

    private static string BasePath(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : "";
}
