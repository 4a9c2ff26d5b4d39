using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Processor.Tests;

/// <summary>Usage reporting on the configured day: the previous month (with year rollover), unique record ids, once per month.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("2026-01-05T10:00:00Z", 2025, 12, "2025-12-01", "2025-12-31")]
    [InlineData("2026-03-01T00:00:00Z", 2026, 2, "2026-02-01", "2026-02-28")]
    [InlineData("2024-03-15T23:59:59Z", 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData("2026-01-01T00:30:00+02:00", 2025, 11, "2025-11-01", "2025-11-30")]
    public void PreviousMonth_AnyDate_ReturnsTheMonthBeforeInUtc(string now, int year, int month, string from, string to)
    {
        var period = UsagePeriod.PreviousMonth(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(new UsagePeriod(year, month), period);
        Assert.Equal(from, period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(to, period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RecordId_DifferentAssetsItemsAndMonths_AreUniqueAndStable()
    {
        var december = new UsagePeriod(2025, 12);
        var january = new UsagePeriod(2026, 1);
        var ids = new[]
        {
            december.RecordId("AS-1", "MPN-A"), december.RecordId("AS-1", "MPN-B"),
            december.RecordId("AS-2", "MPN-A"), january.RecordId("AS-1", "MPN-A"),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal("AS-1-MPN-A-2025-12", december.RecordId("AS-1", "MPN-A"));
    }

    [Fact]
    public async Task RunOnce_OnReportDayInJanuary_ReportsDecemberOfPreviousYearOncePerMonth()
    {
        await using var env = await TestEnvironment.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T06:00:00Z", CultureInfo.InvariantCulture));
        var reporter = new TestUsageReporter();
        using var host = TestEnvironment.PlainHost(
            env.Settings(("products:0", TestEnvironment.UsageProduct), ("dayToReportUsage", "5")),
            b => b.AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IUsageReporter>(reporter));
        var processor = host.Services.GetRequiredService<ConnectProcessor>();

        var report = await processor.RunOnceAsync();

        Assert.True(report.UsageError is null, report.UsageError);
        Assert.Equal(new UsagePeriod(2025, 12), report.UsagePeriod);
        Assert.Equal([new UsagePeriod(2025, 12)], reporter.Periods);

        // Usage runs after the requests: the purchase approved in this run made a second active subscription.
        Assert.Equal(["AS-0002-0001-0001-MPN-PPU-CALLS-2025-12", "AS-0002-0001-0002-MPN-PPU-CALLS-2025-12"], reporter.RecordIds.Order());

        // Later the same day, and the next month's report day.
        time.Advance(TimeSpan.FromHours(2));
        Assert.Null((await processor.RunOnceAsync()).UsagePeriod);
        time.SetUtcNow(DateTimeOffset.Parse("2026-02-05T06:00:00Z", CultureInfo.InvariantCulture));
        Assert.Equal(new UsagePeriod(2026, 1), (await processor.RunOnceAsync()).UsagePeriod);
        Assert.Equal(2, reporter.Periods.Count);
    }

    [Fact]
    public async Task RunOnce_OnReportDay_SubmitsUsageFileForPreviousMonthToConnect()
    {
        await using var env = await TestEnvironment.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T06:00:00Z", CultureInfo.InvariantCulture));
        var reporter = new TestUsageReporter { Submit = true };
        using var host = TestEnvironment.PlainHost(
            env.Settings(("products:0", TestEnvironment.UsageProduct), ("dayToReportUsage", "5")),
            b => b.AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IUsageReporter>(reporter));

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.True(report.UsageError is null, report.UsageError);
        var file = Assert.Single(report.UsageFiles);
        var stored = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JsonObject>(env.Api, $"usage/files/{file.Id}"))!;
        Assert.StartsWith("2025-12-01", stored["period"]!["from"]!.GetValue<string>());
        Assert.StartsWith("2025-12-31", stored["period"]!["to"]!.GetValue<string>());
        Assert.Equal("PRD-400-500-600", stored["product"]!["id"]!.GetValue<string>());
        Assert.Equal("pending", stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmitAsync_Period_CreatesUsageFileForTheWholeMonthThenUploadsAndSubmits()
    {
        var calls = new List<(string Method, string Path, string Body)>();
        using var http = new HttpClient(new StubHandler(calls));
        using var client = new Connect.Sdk.ConnectClient(
            new Connect.Sdk.ConnectClientOptions { Endpoint = "http://127.0.0.1:9/public/v1", ApiKey = "ApiKey SU-1:secret", MaxRetries = 0 }, http);
        var context = new UsageReportContext(new Connect.Automation.ItemContext(client, "2025-12", "usage_report"), new ProcessorOptions(), new UsagePeriod(2025, 12));
        var record = new Connect.Sdk.Models.UsageRecord
        {
            RecordId = context.Period.RecordId("AS-1", "MPN-PPU-CALLS"),
            ItemSearchCriteria = "item.mpn",
            ItemSearchValue = "MPN-PPU-CALLS",
            AssetSearchCriteria = "asset.id",
            AssetSearchValue = "AS-1",
            Quantity = 10,
        };

        var file = await context.SubmitAsync("PRD-400-500-600", "CRD-10001-00001-00001", "EUR", [record]);

        Assert.Equal("UF-1", file.Id);
        Assert.Equal(["POST /public/v1/usage/files", "POST /public/v1/usage/files/UF-1/upload", "POST /public/v1/usage/files/UF-1/submit"],
            calls.Select(c => $"{c.Method} {c.Path}"));
        var created = JsonNode.Parse(calls[0].Body)!;
        Assert.StartsWith("2025-12-01", created["period"]!["from"]!.GetValue<string>());
        Assert.StartsWith("2025-12-31", created["period"]!["to"]!.GetValue<string>());
        Assert.Equal("PRD-400-500-600", created["product"]!["id"]!.GetValue<string>());
        Assert.Equal("CRD-10001-00001-00001", created["contract"]!["id"]!.GetValue<string>());
        Assert.Equal("PRD-400-500-600-CRD-10001-00001-00001-2025-12", created["external_id"]!.GetValue<string>());
        Assert.Equal(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), record.StartTimeUtc);
        Assert.Equal(new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc), record.EndTimeUtc);
        Assert.Single(context.Submitted);
    }

    /// <summary>Answers the three usage calls; fails on anything else.</summary>
    private sealed class StubHandler(List<(string Method, string Path, string Body)> calls) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.TrimEnd('/');
            var body = request.Content is null || request.Content is MultipartContent ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            calls.Add((request.Method.Method, path, body));
            var (status, json) = path switch
            {
                "/public/v1/usage/files" => (System.Net.HttpStatusCode.Created, """{"id":"UF-1","status":"draft"}"""),
                "/public/v1/usage/files/UF-1/upload" => (System.Net.HttpStatusCode.Created, """{"id":"UF-1","status":"ready"}"""),
                "/public/v1/usage/files/UF-1/submit" => (System.Net.HttpStatusCode.OK, """{"id":"UF-1","status":"pending"}"""),
                _ => throw new InvalidOperationException($"Unexpected call {request.Method} {path}"),
            };
            return new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        }
    }

    [Fact]
    public async Task RunOnce_NotTheReportDay_DoesNotReport()
    {
        await using var env = await TestEnvironment.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-06T06:00:00Z", CultureInfo.InvariantCulture));
        var reporter = new TestUsageReporter();
        using var host = TestEnvironment.PlainHost(
            env.Settings(("products:0", TestEnvironment.UsageProduct), ("dayToReportUsage", "5")),
            b => b.AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IUsageReporter>(reporter));

        var report = await host.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync();

        Assert.Null(report.UsagePeriod);
        Assert.Empty(reporter.Periods);
    }
}
