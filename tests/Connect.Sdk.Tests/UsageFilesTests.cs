using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class UsageFilesTests
{
    private static string Draft => SharedFiles.Fixture("usage_file_created_draft.json");

    [Fact]
    public async Task CreateAsync_PostsFile_Reads201()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.Created, Draft);
        using var client = TestClients.Create(stub);
        var file = new UsageFile
        {
            Name = "Usage",
            Description = "",
            Period = new UsageFilePeriod { From = new DateTimeOffset(2021, 2, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2021, 2, 28, 0, 0, 0, TimeSpan.Zero) },
            Currency = "USD",
            Product = new Product { Id = "PRD-1" },
            Contract = new Contract { Id = "CRD-1" },
        };

        var created = await client.UsageFiles.CreateAsync(file);

        Assert.Equal(UsageFileStatus.Draft, created.Status);
        Assert.Equal("/public/v1/usage/files", stub.Requests[0].PathAndQuery);
        var body = JsonNode.Parse(stub.Requests[0].Body!)!;
        Assert.Equal("PRD-1", (string?)body["product"]!["id"]);
        Assert.Equal("2021-02-01", (string?)body["period"]!["from"]);
        Assert.Equal("2021-02-28", (string?)body["period"]!["to"]);
        Assert.Null(body["status"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.OK)]
    public async Task UploadAsync_SendsMultipartUsageFile_Accepts200Or201(HttpStatusCode status)
    {
        var stub = new StubHandler().Reply(status, Draft);
        using var client = TestClients.Create(stub);
        using var xlsx = new MemoryStream([0x50, 0x4B, 0x03, 0x04]);

        var file = await client.UsageFiles.UploadAsync("UF-1", xlsx);

        var call = stub.Requests[0];
        Assert.Equal("/public/v1/usage/files/UF-1/upload", call.PathAndQuery);
        Assert.StartsWith("multipart/form-data", call.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=usage_file", call.Body, StringComparison.Ordinal);
        Assert.Contains("filename=usage_file.xlsx", call.Body, StringComparison.Ordinal);
        Assert.Equal("UF-2019-03-7288-5886", file.Id);
    }

    [Fact]
    public async Task UploadAsync_503ThenCreated_ResendsTheWholeFile()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable).Reply(HttpStatusCode.Created, Draft);
        using var client = TestClients.Create(stub);
        using var xlsx = new MemoryStream([1, 2, 3]);

        await client.UsageFiles.UploadAsync("UF-1", xlsx);

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].Body!.Length, stub.Requests[1].Body!.Length);
    }

    [Fact]
    public async Task Actions_PostExpectedPathsAndBodies()
    {
        var stub = new StubHandler();
        for (var i = 0; i < 6; i++)
        {
            stub.ReplyJson(Draft);
        }

        using var client = TestClients.Create(stub);

        await client.UsageFiles.SubmitAsync("UF-1");
        await client.UsageFiles.AcceptAsync("UF-1", "ok");
        await client.UsageFiles.RejectAsync("UF-1", "bad");
        await client.UsageFiles.CloseAsync("UF-1");
        await client.UsageFiles.DeleteAsync("UF-1");
        await client.UsageFiles.ReprocessAsync("UF-1");

        Assert.Equal(
            ["submit", "accept", "reject", "close", "delete", "reprocess"],
            stub.Requests.Select(r => r.Uri.Segments[^1]));
        Assert.Equal(["{}", """{"acceptance_note":"ok"}""", """{"rejection_note":"bad"}""", "{}", "{}", "{}"], stub.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task UpdateAsync_Puts()
    {
        var stub = new StubHandler().ReplyJson(Draft);
        using var client = TestClients.Create(stub);

        await client.UsageFiles.UpdateAsync("UF-1", new UsageFile { Note = "n" });

        Assert.Equal(HttpMethod.Put, stub.Requests[0].Method);
        Assert.Equal("""{"note":"n"}""", stub.Requests[0].Body);
    }

    [Fact]
    public async Task DownloadTemplateAsync_FollowsLinkWithoutAuthorization()
    {
        var stub = new StubHandler()
            .ReplyJson("""{"template_link": "https://storage.example.test/template.xlsx?sig=1"}""")
            .Reply(HttpStatusCode.OK, "XLSX", "application/octet-stream");
        using var client = TestClients.Create(stub);

        var bytes = await client.UsageFiles.DownloadTemplateAsync("PRD-1");

        Assert.Equal("/public/v1/usage/products/PRD-1/template", stub.Requests[0].PathAndQuery);
        Assert.True(stub.Requests[0].Headers.ContainsKey("Authorization"));
        Assert.Equal("https://storage.example.test/template.xlsx?sig=1", stub.Requests[1].Uri.ToString());
        Assert.False(stub.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.Equal("XLSX"u8.ToArray(), bytes);
    }

    [Fact]
    public async Task DownloadTemplateAsync_StorageError_HidesSignature()
    {
        var stub = new StubHandler()
            .ReplyJson("""{"template_link": "https://storage.example.test/t.xlsx?sig=SIGNATURE"}""")
            .Reply(HttpStatusCode.Forbidden, "<Error>denied</Error>", "application/xml");
        using var client = TestClients.Create(stub);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => client.UsageFiles.DownloadTemplateAsync("PRD-1"));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.DoesNotContain("SIGNATURE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTemplateLinkAsync_MissingLink_ThrowsSerializationException()
    {
        var stub = new StubHandler().ReplyJson("{}");
        using var client = TestClients.Create(stub);

        await Assert.ThrowsAsync<ConnectSerializationException>(() => client.UsageFiles.GetTemplateLinkAsync("PRD-1"));
    }

    [Fact]
    public async Task Listings_And_UsageRecords_ListFromTheirPaths()
    {
        var stub = new StubHandler()
            .ReplyJson(SharedFiles.Fixture("listings.json"))
            .ReplyJson("""[{"id":"UR-1","amount":"1.50","usage":2,"status":"valid","start_date":"2021-02-01"}]""", "items 0-0/1");
        using var client = TestClients.Create(stub);

        var listings = new List<UsageListing>();
        await foreach (var listing in client.Listings.ListAsync(new Query().In("product.id", "CN-573-708-587").Equal("status", "listed")))
        {
            listings.Add(listing);
        }

        var record = await client.UsageRecords.FirstOrDefaultAsync();

        Assert.Equal(8, listings.Count);
        Assert.Equal("/public/v1/listings?in(product.id,(CN-573-708-587))&eq(status,listed)&limit=100&offset=0", stub.Requests[0].PathAndQuery);
        Assert.Equal(1.50m, record!.Amount);
        Assert.Equal(2m, record.Usage);
        Assert.Equal(new DateTimeOffset(2021, 2, 1, 0, 0, 0, TimeSpan.Zero), record.StartDate);
        Assert.Equal("/public/v1/usage/records?limit=1&offset=0", stub.Requests[1].PathAndQuery);
    }
}
