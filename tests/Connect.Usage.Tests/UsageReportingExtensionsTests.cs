using System.Net;
using System.Text;
using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

public class UsageReportingExtensionsTests
{
    private static UsageFile Metadata() => new()
    {
        Name = "Usage for November",
        Product = new Product { Id = "PRD-000-000-001" },
        Contract = new Contract { Id = "CRD-00000-00000-00001" },
        Currency = "USD",
    };

    private static IEnumerable<UsageRecord> Records(int count) => Enumerable.Range(1, count).Select(i => new UsageRecord
    {
        ItemSearchCriteria = "item.mpn",
        ItemSearchValue = "MPN-PPU",
        AssetSearchCriteria = "asset.id",
        AssetSearchValue = "AS-0000-0000-0001",
        Quantity = i,
        StartTimeUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc),
        EndTimeUtc = new DateTime(2026, 10, 31, 23, 59, 59, DateTimeKind.Utc),
    });

    [Fact]
    public async Task SubmitUsageAsync_HappyPath_CreatesUploadsAndSubmitsInOrder()
    {
        var handler = new RecordingHandler(req => (req.Method.Method, req.RequestUri!.AbsolutePath) switch
        {
            ("POST", "/public/v1/usage/files") => Json(HttpStatusCode.Created, """{"id":"UF-2026-11-0000-0001","status":"draft"}"""),
            ("POST", "/public/v1/usage/files/UF-2026-11-0000-0001/upload") => Json(HttpStatusCode.Created, """{"id":"UF-2026-11-0000-0001","status":"ready"}"""),
            ("POST", "/public/v1/usage/files/UF-2026-11-0000-0001/submit") => Json(HttpStatusCode.OK, """{"id":"UF-2026-11-0000-0001","status":"pending"}"""),
            _ => throw new InvalidOperationException($"unexpected call {req.Method} {req.RequestUri}"),
        });
        using var client = NewClient(handler);

        var result = await client.SubmitUsageAsync(Metadata(), Records(3), new UsageSubmitOptions { Submit = true });

        Assert.Equal("pending", result.Status);
        Assert.Equal(
            ["POST /public/v1/usage/files", "POST /public/v1/usage/files/UF-2026-11-0000-0001/upload", "POST /public/v1/usage/files/UF-2026-11-0000-0001/submit"],
            handler.Calls);
        Assert.Contains("\"name\":\"Usage for November\"", handler.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"contract\":{\"id\":\"CRD-00000-00000-00001\"}", handler.Bodies[0], StringComparison.Ordinal);
        Assert.Contains("name=usage_file", handler.Bodies[1], StringComparison.Ordinal);
        Assert.Contains("filename=usage_file.xlsx", handler.Bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitUsageAsync_InvalidRecord_SendsNothing()
    {
        var handler = new RecordingHandler(req => throw new InvalidOperationException($"unexpected call {req.Method} {req.RequestUri}"));
        using var client = NewClient(handler);
        var records = Records(2).Append(new UsageRecord { ItemSearchCriteria = "item.mpn", Quantity = -1 });

        await Assert.ThrowsAsync<UsageValidationException>(() => client.SubmitUsageAsync(Metadata(), records));

        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task SubmitUsageAsync_UploadFails_ExceptionNamesTheUsageFile()
    {
        var handler = new RecordingHandler(req => req.RequestUri!.AbsolutePath.EndsWith("/upload", StringComparison.Ordinal)
            ? Json(HttpStatusCode.BadRequest, """{"error_code":"VAL_001","errors":["bad file"]}""")
            : Json(HttpStatusCode.Created, """{"id":"UF-2026-11-0000-0002","status":"draft"}"""));
        using var client = NewClient(handler);

        var ex = await Assert.ThrowsAsync<UsageSubmitException>(() => client.SubmitUsageAsync(Metadata(), Records(1)));

        Assert.Equal(UsageSubmitStage.Upload, ex.Stage);
        Assert.Equal("UF-2026-11-0000-0002", ex.UsageFileId);
        Assert.Contains("UF-2026-11-0000-0002", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitUsageAsync_FileMarkedInvalid_ThrowsWithErrorDetail()
    {
        var handler = new RecordingHandler(req => req.RequestUri!.AbsolutePath.EndsWith("/upload", StringComparison.Ordinal)
            ? Json(HttpStatusCode.Created, """{"id":"UF-2026-11-0000-0003","status":"invalid","error_detail":"row 2: unknown asset"}""")
            : Json(HttpStatusCode.Created, """{"id":"UF-2026-11-0000-0003","status":"draft"}"""));
        using var client = NewClient(handler);

        var ex = await Assert.ThrowsAsync<UsageSubmitException>(() => client.SubmitUsageAsync(Metadata(), Records(1)));

        Assert.Equal(UsageSubmitStage.Invalid, ex.Stage);
        Assert.Contains("row 2: unknown asset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitUsageAsync_MissingContract_ThrowsArgumentExceptionNamingField()
    {
        using var client = NewClient(new RecordingHandler(_ => throw new InvalidOperationException("no call expected")));
        var file = Metadata();
        file.Contract = null;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitUsageAsync(file, Records(1)));

        Assert.Contains("Contract.Id", ex.Message, StringComparison.Ordinal);
    }

    private static ConnectClient NewClient(HttpMessageHandler handler) =>
        new(new ConnectClientOptions { Endpoint = "http://127.0.0.1:9/public/v1", ApiKey = "ApiKey SU-000-000-000:secret" }, new HttpClient(handler));

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            Bodies.Add(request.Content is null ? string.Empty : Encoding.Latin1.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken)));
            return respond(request);
        }
    }
}
