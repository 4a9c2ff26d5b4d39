using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Sdk;
using Connect.Sdk.Rql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Connect.Automation.Tests;

/// <summary>
/// The engine and the SDK seen through OpenTelemetry (<c>AddConnectInstrumentation</c> and the in-memory exporter)
/// against the emulator: the span tree run → item → HTTP call, and metric values equal to the report's counts.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<Point> _points = [];

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessAsync_GivesRunItemAndHttpSpansAndCountsEqualToTheReport()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 3);
        var bad = ids[1];
        var engine = new DelegateFulfillment(client, (r, _, _) =>
            r.Id == bad ? throw new InvalidOperationException("back office is down") : Task.FromResult(ProcessResult.Fail("no stock")),
            new AutomationOptions { Query = new Query().In("id", ids) });

        var report = await RecordAsync(engine.ProcessAsync);

        Assert.Equal(2, report.Failed);
        Assert.Single(report.Errors);
        var run = Assert.Single(_spans, s => s.OperationName == "connect.automation.run");
        Assert.Equal(ActivityKind.Internal, run.Kind);
        Assert.Equal("FulfillmentAutomation", run.GetTagItem("connect.automation.kind"));
        Assert.Equal(3, run.GetTagItem("connect.automation.items"));
        Assert.Equal(1, run.GetTagItem("connect.automation.errors"));
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Contains(_spans, s => s.ParentSpanId == run.SpanId && s.DisplayName == "GET /requests");

        var items = _spans.Where(s => s.OperationName == "connect.automation.item").ToList();
        Assert.Equal(ids.Order(), items.Select(i => (string)i.GetTagItem("connect.item.id")!).Order());
        Assert.All(items, i => Assert.Equal(run.SpanId, i.ParentSpanId));
        Assert.All(items, i => Assert.Equal("purchase", i.GetTagItem("connect.item.type")));
        Assert.All(items, i => Assert.IsType<double>(i.GetTagItem("connect.automation.item.duration")));
        var failed = items.Single(i => (string)i.GetTagItem("connect.item.id")! == bad);
        Assert.Equal("Error", failed.GetTagItem("connect.automation.outcome"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.GetTagItem("error.type"));
        var exception = Assert.Single(failed.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.message" && (string?)t.Value == "back office is down");
        foreach (var item in items.Where(i => i != failed))
        {
            Assert.Equal("Failed", item.GetTagItem("connect.automation.outcome"));
            Assert.Equal(ActivityStatusCode.Unset, item.Status);
            var call = Assert.Single(_spans, s => s.ParentSpanId == item.SpanId && s.DisplayName == "POST /requests/{id}/fail");
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal("POST", call.GetTagItem("http.request.method"));
            Assert.Equal("/requests/{id}/fail", call.GetTagItem("url.template"));
            Assert.Equal(200, call.GetTagItem("http.response.status_code"));
            Assert.Equal(0, call.GetTagItem("http.request.resend_count"));
            Assert.Equal(run.TraceId, call.TraceId);
        }

        var processed = Points("connect.automation.items");
        Assert.Equal(report.Failed, SumWhere(processed, "connect.automation.outcome", "Failed"));
        Assert.Equal(report.Errors.Count, SumWhere(processed, "connect.automation.outcome", "Error"));
        Assert.Equal(report.Processed, processed.Sum(p => p.Sum));
        Assert.Equal(report.Processed, Points("connect.automation.handler.duration").Sum(p => p.Count));
        var calls = Points("http.client.request.duration");
        Assert.Equal(_spans.Count(s => s.Source.Name == ConnectSdkTelemetry.Name), calls.Sum(p => p.Count));
        Assert.Empty(Points("connect.http.client.retries"));
    }

    [Fact]
    public async Task ProcessAsync_InjectedFaults_RetryCountOnHttpSpanAndInRetryMetric()
    {
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        var rule = new JsonObject { ["route"] = "/public/v1/requests/*/fail", ["method"] = "POST", ["kind"] = "error", ["status"] = 503 };
        using (var put = await emulator.Control.PutAsync("faults", JsonContent.Create(new JsonObject { ["seed"] = 1, ["rules"] = new JsonArray(rule) })))
        {
            put.EnsureSuccessStatusCode();
        }

        try
        {
            var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(ProcessResult.Fail("no stock")),
                new AutomationOptions { Query = new Query().In("id", [id]) });

            var report = await RecordAsync(engine.ProcessAsync);

            Assert.Single(report.Errors);
            var call = Assert.Single(_spans, s => s.DisplayName == "POST /requests/{id}/fail");
            Assert.Equal(client.Options.MaxRetries, call.GetTagItem("http.request.resend_count"));
            Assert.Equal(503, call.GetTagItem("http.response.status_code"));
            Assert.Equal("503", call.GetTagItem("error.type"));
            Assert.Equal("FLT_001", call.GetTagItem("connect.error_code"));
            Assert.Equal(ActivityStatusCode.Error, call.Status);
            var retries = Assert.Single(Points("connect.http.client.retries"));
            Assert.Equal(client.Options.MaxRetries, retries.Sum);
            Assert.Equal("/requests/{id}/fail", Tag(retries, "url.template"));
        }
        finally
        {
            using var delete = await emulator.Control.DeleteAsync("faults");
            delete.EnsureSuccessStatusCode();
        }
    }

    private async Task<AutomationReport> RecordAsync(Func<CancellationToken, Task<AutomationReport>> run)
    {
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddConnectInstrumentation().AddInMemoryExporter(_spans).Build();
        using var metering = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddConnectInstrumentation().AddInMemoryExporter(_metrics).Build();
        var report = await run(CancellationToken.None);
        tracing.ForceFlush();
        metering.ForceFlush();

        // Read the points now: the provider exports once more when it is disposed, and reuses its points.
        foreach (var metric in _metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value?.ToString();
                }

                var histogram = metric.MetricType == MetricType.Histogram;
                _points.Add(new Point(metric.Name, tags, histogram ? 0 : point.GetSumLong(), histogram ? point.GetHistogramCount() : 0));
            }
        }

        return report;
    }

    private List<Point> Points(string name) => [.. _points.Where(p => p.Name == name)];

    private static long SumWhere(List<Point> points, string key, string value) =>
        points.Where(p => Tag(p, key) == value).Sum(p => p.Sum);

    private static string? Tag(Point point, string key) => point.Tags.GetValueOrDefault(key);

    private sealed record Point(string Name, Dictionary<string, string?> Tags, long Sum, long Count);
}

/// <summary>OpenTelemetry listens process-wide, so the telemetry tests run apart from the other engine tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
