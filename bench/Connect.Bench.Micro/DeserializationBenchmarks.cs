using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Bench.Micro;

/// <summary>
/// Request deserialization through the SDK's real path (transport, source-generated JSON, models), over an in-memory
/// handler that answers with the recorded fixture <c>request_purchase.json</c>; <see cref="JsonDocument"/> over the same
/// bytes is the baseline. The SDK's serializer is internal, so this is also the path a user's code takes.
/// </summary>
[MemoryDiagnoser]
public class DeserializationBenchmarks
{
    private const int PageItems = 100;

    private byte[] _one = null!;
    private byte[] _page = null!;
    private ConnectClient _single = null!;
    private ConnectClient _paged = null!;

    [GlobalSetup]
    public void Setup()
    {
        _one = File.ReadAllBytes(Connect.Tests.ContractFiles.Fixture("request_purchase.json"));
        var text = Encoding.UTF8.GetString(_one);
        _page = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(text, PageItems)) + "]");
        _single = Client(_one, null);
        _paged = Client(_page, $"items 0-{PageItems - 1}/{PageItems}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _single.Dispose();
        _paged.Dispose();
    }

    /// <summary><c>client.Requests.GetAsync</c>: one request document into a <see cref="FulfillmentRequest"/>.</summary>
    [Benchmark]
    public async Task<string?> SdkGetOne() => (await _single.Requests.GetAsync("PR-1").ConfigureAwait(false)).Id;

    /// <summary>One page of 100 requests through <c>client.Requests.ListAsync</c> (per page; divide by 100 per item).</summary>
    [Benchmark]
    public async Task<int> SdkListPageOf100()
    {
        var n = 0;
        await foreach (var request in _paged.Requests.ListAsync().ConfigureAwait(false))
        {
            n += request.Id!.Length;
        }

        return n;
    }

    /// <summary>Baseline: <see cref="JsonDocument"/> over the same 100-request page, reading each id.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentPageOf100()
    {
        using var document = JsonDocument.Parse(_page);
        var n = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            n += element.GetProperty("id").GetString()!.Length;
        }

        return n;
    }

    /// <summary>
    /// One step of the SDK's path alone: the transport reads each body as a string before deserializing it; this is
    /// that UTF-8 to UTF-16 copy of the same page, to show its share.
    /// </summary>
    [Benchmark]
    public int PageAsString() => Encoding.UTF8.GetString(_page).Length;

    private static ConnectClient Client(byte[] body, string? contentRange)
    {
        var options = new ConnectClientOptions { Endpoint = "http://127.0.0.1:9/public/v1", ApiKey = "ApiKey SU-000-000-000:bench", MaxRetries = 0 };
        // An HttpClient without the retry pipeline: the figure is the SDK's own work, not Polly's.
        return new ConnectClient(options, new HttpClient(new FixedAnswerHandler(body, contentRange)));
    }

    /// <summary>Answers every call with the same JSON body (the benchmark's input, not a server).</summary>
    private sealed class FixedAnswerHandler(byte[] body, string? contentRange) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (contentRange is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
