using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace Connect.Sdk.Tests;

/// <summary>The SDK's spans and metrics, seen through the BCL listeners OpenTelemetry itself subscribes with.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private const string Request = """{"id":"PR-1234-5678-9012-001","status":"approved"}""";

    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ActivitySource _parentSource = new("Connect.Sdk.Tests.Parent");

    public TelemetryTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ConnectSdkTelemetry.Name or "Connect.Sdk.Tests.Parent" or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectSdkTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    [Fact]
    public async Task Call_GivesClientSpanWithRouteTemplateUnderCurrentSpan()
    {
        var stub = new StubHandler().ReplyJson(Request);
        using var client = TestClients.Create(stub);
        using var parent = _parentSource.StartActivity("parent");

        await client.Requests["PR-1234-5678-9012-001"].GetAsync();

        var span = Assert.Single(SdkSpans());
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET /requests/{id}", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/requests/{id}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(0, span.GetTagItem("http.request.resend_count"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(parent!.TraceId, span.TraceId);
        Assert.Equal(parent.SpanId, span.ParentSpanId);

        var duration = Assert.Single(Measurements("http.client.request.duration"));
        Assert.Equal("/requests/{id}", duration.Tags["url.template"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Empty(Measurements("connect.http.client.retries"));
    }

    [Fact]
    public async Task RetriedCall_CountsResendsOnSpanAndInRetryMetric()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.BadGateway, "oops", "text/plain").Reply(HttpStatusCode.ServiceUnavailable, "oops", "text/plain").ReplyJson(Request);
        using var client = TestClients.Create(stub);

        await client.Requests["PR-1234-5678-9012-001"].GetAsync();

        var span = Assert.Single(SdkSpans());
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        var retries = Assert.Single(Measurements("connect.http.client.retries"));
        Assert.Equal(2, retries.Value);
        Assert.Equal("GET", retries.Tags["http.request.method"]);
    }

    [Fact]
    public async Task FailedCall_RecordsErrorTypeAndConnectErrorCode()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.BadRequest, """{"error_code": "REQ_003", "errors": ["Request is not in pending state."]}""");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests["PR-1234-5678-9012-001"].ApproveByTemplateAsync("TL-111-222-333"));

        Assert.Equal("REQ_003", ex.ErrorCode);
        var span = Assert.Single(SdkSpans());
        Assert.Equal("POST /requests/{id}/approve", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("400", span.GetTagItem("error.type"));
        Assert.Equal("REQ_003", span.GetTagItem("connect.error_code"));
        var duration = Assert.Single(Measurements("http.client.request.duration"));
        Assert.Equal("400", duration.Tags["error.type"]);
    }

    [Fact]
    public async Task TransportFailure_RecordsExceptionTypeAsErrorType()
    {
        var stub = new StubHandler().Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        using var client = TestClients.Create(stub, TestClients.Options(maxRetries: 0));

        await Assert.ThrowsAsync<ConnectException>(() => client.Requests["PR-1234-5678-9012-001"].GetAsync());

        var span = Assert.Single(SdkSpans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(HttpRequestException).FullName, span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task EmulatorCall_ServerSpanContinuesTheClientSpan()
    {
        var emulator = new Integration.EmulatorFixture();
        await emulator.InitializeAsync();
        ConnectApiException ex;
        try
        {
            ex = await Assert.ThrowsAsync<ConnectApiException>(() => emulator.Client.Requests["PR-0000-0000-0000-000"].GetAsync());
        }
        finally
        {
            await emulator.DisposeAsync();
        }

        var span = Assert.Single(SdkSpans());
        Assert.Equal("GET /requests/{id}", span.DisplayName);
        Assert.Equal((int)ex.StatusCode, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ex.ErrorCode, span.GetTagItem("connect.error_code"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        // The W3C traceparent header carried the trace: the emulator's ASP.NET Core span is a child of HttpClient's own
        // span, which is a child of the SDK's call span.
        var transport = Assert.Single(_spans, a => a.Source.Name == "System.Net.Http" && a.TraceId == span.TraceId);
        Assert.Equal(span.SpanId, transport.ParentSpanId);
        var server = Assert.Single(_spans, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == span.TraceId);
        Assert.Equal(transport.SpanId, server.ParentSpanId);
    }

    [Theory]
    [InlineData("https://api.example.test/public/v1/requests/PR-1234-5678-9012-001/approve", "/requests/{id}/approve")]
    [InlineData("https://api.example.test/public/v1/requests?limit=100", "/requests")]
    [InlineData("https://api.example.test/public/v1/usage/files/UF-2024-01-0001/records/123", "/usage/files/{id}/records/{id}")]
    [InlineData("https://other.example.test/media/files/report.xlsx", "/media/files/report.xlsx")]
    public void UrlTemplate_ReplacesIdentifiersAndDropsEndpointPath(string url, string expected) =>
        Assert.Equal(expected, UrlTemplate.From(new Uri(url), "/public/v1"));

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        _parentSource.Dispose();
    }

    private List<Activity> SdkSpans() => [.. _spans.Where(a => a.Source.Name == ConnectSdkTelemetry.Name)];

    private List<(string Name, double Value, Dictionary<string, object?> Tags)> Measurements(string name) => [.. _measurements.Where(m => m.Name == name)];

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

/// <summary>Telemetry tests listen process-wide, so they run apart from the rest of the SDK tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
