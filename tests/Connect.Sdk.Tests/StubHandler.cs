using System.Net;
using System.Text;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

/// <summary>Answers calls from a queue of replies and fails the test on any call it was not prepared for.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _replies = new();

    public List<RecordedRequest> Requests { get; } = [];

    public StubHandler Reply(HttpStatusCode status, string? body = null, string contentType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        _replies.Enqueue((request, _) =>
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });
        return this;
    }

    public StubHandler ReplyJson(string body, string? contentRange = null) =>
        Reply(HttpStatusCode.OK, body, configure: r =>
        {
            if (contentRange is not null)
            {
                r.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
            }
        });

    public StubHandler Throw(Exception exception)
    {
        _replies.Enqueue((_, _) => throw exception);
        return this;
    }

    /// <summary>A call that never answers: it ends only when cancelled (by a timeout or the caller).</summary>
    public StubHandler Hang()
    {
        _replies.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public int Pending => _replies.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(h.Key == "User-Agent" ? " " : ",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            body));
        if (!_replies.TryDequeue(out var reply))
        {
            throw new Xunit.Sdk.XunitException($"Unexpected call {request.Method} {request.RequestUri}");
        }

        return await reply(request, cancellationToken);
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string? ContentType, string? Body)
{
    public string PathAndQuery => Uri.PathAndQuery;
}

internal static class TestClients
{
    public const string Secret = "s3cr3tS3cr3tS3cr3t0123456789";
    public const string Key = "ApiKey SU-000-000-000:" + Secret;

    public static ConnectClientOptions Options(int maxRetries = 3) => new()
    {
        Endpoint = "https://api.example.test/public/v1",
        ApiKey = Key,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A client whose calls go through the SDK's retry pipeline to <paramref name="stub"/>.</summary>
    public static ConnectClient Create(StubHandler stub, ConnectClientOptions? options = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        options ??= Options();
        var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options, stub, loggerFactory: loggerFactory));
        return new ConnectClient(options, http, loggerFactory);
    }
}
