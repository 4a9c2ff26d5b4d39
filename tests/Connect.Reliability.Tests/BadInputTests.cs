using System.Net;
using System.Text;
using Connect.Emulator;
using Connect.Sdk;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Reliability.Tests;

/// <summary>Malformed config, malformed answers, malformed uploads and malformed RQL: typed errors, nothing crashes.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void FromFile_MissingFile_ThrowsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "connect-missing-" + Guid.NewGuid().ToString("N") + ".json");
        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromFile(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "config file")]
    [InlineData("   ", "config file")]
    [InlineData("this is not json", "config file")]
    [InlineData("{\"apiKey\": ", "config file")]
    [InlineData("[1, 2]", "config file")]
    [InlineData("{\"apiEndpoint\": \"http://127.0.0.1:1/public/v1\"}", "apiKey")]
    [InlineData("{\"apiKey\": 42, \"apiEndpoint\": \"http://127.0.0.1:1/public/v1\"}", "apiKey")]
    [InlineData("{\"apiKey\": \"ApiKey SU-1:s\", \"apiEndpoint\": 5}", "apiEndpoint")]
    [InlineData("{\"apiKey\": \"ApiKey SU-1:s\", \"apiEndpoint\": \"http://127.0.0.1:1/public/v1\", \"products\": 7}", "products")]
    [InlineData("{\"apiKey\": \"ApiKey SU-1:s\", \"apiEndpoint\": \"not a url\"}", "not an absolute")]
    public void FromFile_BadContent_ThrowsConfigurationExceptionNamingTheProblem(string content, string named)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromFile(path));
            Assert.Contains(named, ex.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("html200")]
    [InlineData("truncated")]
    [InlineData("array")]
    [InlineData("wrongtype")]
    [InlineData("hugegarbage")]
    public async Task GetAsync_MalformedSuccessBody_ThrowsSerializationException(string id)
    {
        await using var stub = await StubServer.StartAsync();
        using var client = stub.Client();
        var ex = await Assert.ThrowsAsync<ConnectSerializationException>(() => client.Requests.GetAsync(id));
        Assert.Equal(typeof(FulfillmentRequest), ex.TargetType);
        Assert.True(ex.Message.Length < 4000, "the message carries the whole body");
        // The stub (and the client) keep working after the bad answer.
        Assert.Equal("PR-1", (await client.Requests.GetAsync("good")).Id);
    }

    [Theory]
    [InlineData("html502", HttpStatusCode.BadGateway)]
    [InlineData("hugeerror", HttpStatusCode.InternalServerError)]
    public async Task GetAsync_MalformedErrorBody_ThrowsApiExceptionWithStatus(string id, HttpStatusCode status)
    {
        await using var stub = await StubServer.StartAsync();
        using var client = stub.Client();
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.GetAsync(id));
        Assert.Equal(status, ex.StatusCode);
        Assert.True(ex.Message.Length < 4000, "the message carries the whole body");
    }

    [Fact]
    public async Task GetAsync_UnknownStatusAndType_DoesNotThrow()
    {
        await using var stub = await StubServer.StartAsync();
        using var client = stub.Client();
        var request = await client.Requests.GetAsync("unknownenum");
        Assert.Equal("quantum_superposition", request.Status);
        Assert.Equal("PR-2", request.Id);
    }

    [Fact]
    public async Task GetAsync_HugeValidBody_IsRead()
    {
        await using var stub = await StubServer.StartAsync();
        using var client = stub.Client();
        var request = await client.Requests.GetAsync("hugevalid");
        Assert.Equal(StubServer.HugeSize, request.Note!.Length);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("empty")]
    [InlineData("missingcolumns")]
    [InlineData("nosheet")]
    public async Task UploadUsageFile_BadSpreadsheet_FileInvalidWithDetail(string kind)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.BaseUrl, ApiKey = emulator.ApiKey, MaxRetries = 0 });
        var file = await client.UsageFiles.CreateAsync(new UsageFile
        {
            Name = "bad " + kind,
            Product = new Product { Id = "PRD-400-500-600" },
            Contract = new Contract { Id = "CRD-10001-00001-00001" },
            Period = new UsageFilePeriod { From = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero) },
        });
        var bytes = kind switch
        {
            "garbage" => Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not a zip at all " + new string('x', 1000)),
            "empty" => [],
            "missingcolumns" => Workbook("usage_records", ["record_id", "item_search_criteria"], ["r1", "item.mpn"]),
            _ => Workbook("something_else", ["a"], ["b"]),
        };
        using var stream = new MemoryStream(bytes);
        UsageFile uploaded;
        try
        {
            uploaded = await client.UsageFiles.UploadAsync(file.Id!, stream);
        }
        catch (ConnectApiException ex)
        {
            // Refusing the upload outright (400 naming the problem) is as good as an invalid file.
            Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
            Assert.NotEmpty(ex.Errors);
            return;
        }

        Assert.Equal("invalid", uploaded.Status);
        Assert.False(string.IsNullOrWhiteSpace(uploaded.ErrorDetail));
        // The emulator keeps serving.
        Assert.Equal("invalid", (await client.UsageFiles.GetAsync(file.Id!)).Status);
    }

    [Theory]
    [InlineData("and(eq(status,pending)")]
    [InlineData("eq(status")]
    [InlineData("in(status,(pending)")]
    [InlineData(")))")]
    [InlineData("like(,)")]
    [InlineData("ordering=")]
    [InlineData("eq(status,pending)&&&or(")]
    public async Task ListRequests_UnparsableRql_Answers400AndKeepsServing(string rql)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        using (var bad = await http.GetAsync(emulator.BaseUrl + "/requests?" + rql))
        {
            var body = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{(int)bad.StatusCode}: {body}");
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }

        using var good = await http.GetAsync(emulator.BaseUrl + "/requests?eq(status,pending)&limit=1");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("""{"asset":{"params":"oops"}}""", "asset.params")]
    [InlineData("""{"asset":{"params":[{"value":"SUB-1"}]}}""", "asset.params[0].id")]
    [InlineData("""{"asset":{"params":[{"id":"subscription_id","value":["SUB-1"]}]}}""", "asset.params[0].value")]
    [InlineData("""{"asset":[]}""", "asset")]
    public async Task UpdateRequest_WrongFieldType_Answers400NamingItStoresNothingAndKeepsServing(string body, string field)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl + "/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        const string id = "PR-0001-0001-0001-001";
        var before = await http.GetStringAsync("requests/" + id);

        using (var bad = await http.PutAsync("requests/" + id, new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
        {
            var text = await bad.Content.ReadAsStringAsync();
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{(int)bad.StatusCode}: {text}");
            var error = System.Text.Json.Nodes.JsonNode.Parse(text)!;
            Assert.Equal("VAL_001", error["error_code"]!.GetValue<string>());
            Assert.StartsWith(field + ": ", error["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await http.GetStringAsync("requests/" + id));

        // The same request is then processed normally through the SDK.
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        await client.Requests.UpdateParametersAsync(id, [new Param { Id = "subscription_id", Value = "SUB-1" }]);
        await client.Requests.ApproveByTemplateAsync(id, "TL-100-200-301");
        Assert.Equal("approved", (await client.Requests.GetAsync(id)).Status);
    }

    private static byte[] Workbook(string sheetName, string[] headers, params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row([.. headers.Select(Text)]) { RowIndex = 1 });
            for (var r = 0; r < rows.Length; r++)
            {
                data.Append(new Row([.. rows[r].Select(Text)]) { RowIndex = (uint)(r + 2) });
            }

            part.Worksheet = new Worksheet(data);
            workbookPart.Workbook.Sheets!.Append(new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(part) });
        }

        return stream.ToArray();
    }

    private static OpenXmlElement Text(string value) => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
}

/// <summary>A Kestrel server on 127.0.0.1:0 answering malformed bodies by request id.</summary>
internal sealed class StubServer : IAsyncDisposable
{
    public const int HugeSize = 20 * 1024 * 1024;

    private readonly WebApplication _app;

    private StubServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<StubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/public/v1/requests/{id}", (string id, HttpContext context) => Answer(id, context));
        await app.StartAsync();
        var address = app.Urls.First();
        return new StubServer(app, address + "/public/v1");
    }

    public ConnectClient Client() => new(new ConnectClientOptions { Endpoint = BaseUrl, ApiKey = "ApiKey SU-1:stub-secret", MaxRetries = 0 });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task Answer(string id, HttpContext context)
    {
        var response = context.Response;
        (int status, string type, string body) = id switch
        {
            "good" => (200, "application/json", """{"id":"PR-1","status":"pending"}"""),
            "html200" => (200, "text/html", "<html><body><h1>Welcome to nginx!</h1></body></html>"),
            "html502" => (502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
            "truncated" => (200, "application/json", """{"id":"PR-1","status":"pen"""),
            "array" => (200, "application/json", "[1, 2, 3]"),
            "wrongtype" => (200, "application/json", """{"id":"PR-1","status":"pending","asset":{"items":[{"quantity":{"nested":true}}]}}"""),
            "unknownenum" => (200, "application/json", """{"id":"PR-2","status":"quantum_superposition","type":"teleport","asset":{"status":"floating","params":[{"id":"x","type":"hologram","value":"v"}]}}"""),
            "hugegarbage" => (200, "application/json", "{\"id\":\"PR-1\",\"note\":" + new string('x', HugeSize)),
            "hugevalid" => (200, "application/json", "{\"id\":\"PR-1\",\"note\":\"" + new string('x', HugeSize) + "\"}"),
            "hugeerror" => (500, "text/plain", new string('e', HugeSize)),
            _ => (404, "application/json", """{"error_code":"REQ_000","errors":["not found"]}"""),
        };
        response.StatusCode = status;
        response.ContentType = type;
        return response.WriteAsync(body);
    }
}
