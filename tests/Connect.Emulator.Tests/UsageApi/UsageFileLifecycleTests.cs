using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Connect.Emulator.Tests.UsageApi.UsageFiles;

namespace Connect.Emulator.Tests.UsageApi;

public sealed class UsageFileLifecycleTests
{
    [Fact]
    public async Task Create_ValidBody_Answers201DraftInNestedForm()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("usage/files",
            $$"""{"name":"Jan","product":{"id":"{{Demo.UsageProduct}}"},"contract":{"id":"{{UsageContract}}" } }""");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Matches(@"^UF-\d{4}-\d{2}-\d{4}-\d{4}$", reply.Json.Str("id"));
        Assert.Equal("draft", reply.Json.Str("status"));
        Assert.Equal("qt", reply.Json.Str("schema"));
        Assert.Equal("EUR", reply.Json.Str("currency"));
        Assert.Equal("VA-610-138", reply.Json.Str("vendor.id"));
        Assert.Equal("PA-855-748", reply.Json.Str("provider.id"));
        Assert.Equal("MP-10001", reply.Json.Str("marketplace.id"));
        Assert.Equal(Demo.UsageProduct, reply.Json.Str("product.id"));
        Assert.Equal(UsageContract, reply.Json.Str("contract.id"));
        Assert.Null(reply.Json["product_id"]);
        Assert.NotNull(reply.Json["events"]!["created"]!["at"]);
    }

    [Theory]
    [InlineData("""{"product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}""")]
    [InlineData("""{"name":"x","contract":{"id":"CRD-10001-00001-00001"}}""")]
    [InlineData("""{"name":"x","product":{"id":"PRD-400-500-600"}}""")]
    [InlineData("""{"name":"x","product":{"id":"PRD-100-200-300"},"contract":{"id":"CRD-10001-00001-00001"}}""")]
    [InlineData("""{"name":"x","product":{"id":"PRD-999-999-999"},"contract":{"id":"CRD-10001-00001-00001"}}""")]
    public async Task Create_BadBody_Answers400(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync("usage/files", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task FullCycle_UploadSubmitAcceptClose_RecordsFollowAndAuditShowsEachStep()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var upload = await UploadAsync(emulator, id, Records(Row("r1", 10), Row("r2", 25, itemCriteria: "item.global_id", itemValue: "PRD-400-500-600-0001"),
            Row("r3", 1.25m, itemValue: "MPN-PPU-GB", assetCriteria: "parameter.account_id", assetValue: "ACC-0001")));
        var records = await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}");
        var submitted = await emulator.Api.PostAsync($"usage/files/{id}/submit", "null");
        var accepted = await emulator.Api.PostAsync($"usage/files/{id}/accept", """{"acceptance_note":"fine"}""");
        var closed = await emulator.Api.PostAsync($"usage/files/{id}/close", "null");
        var closedRecords = await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}&status=closed");
        var audit = await emulator.Control.FetchAsync($"audit?object_id={id}");

        Assert.Equal(HttpStatusCode.Created, upload.Status);
        Assert.Equal("ready", upload.Json.Str("status"));
        Assert.Equal(3, upload.Json["records"]!["valid"]!.GetValue<int>());
        Assert.Equal(3, upload.Json["stats"]!["uploaded"]!.GetValue<int>());
        Assert.NotNull(upload.Json["events"]!["uploaded"]);
        Assert.Equal("items 0-2/3", records.ContentRange);
        Assert.Equal(["r1", "r2", "r3"], records.Array.Select(r => r.Str("record_id")));
        Assert.Equal([10m, 25m, 1.25m], records.Array.Select(r => r!["usage"]!.GetValue<decimal>()));
        Assert.Equal("MPN-PPU-GB", records.Array[2].Str("item.mpn"));
        Assert.Equal(ActiveAsset, records.Array[2].Str("asset.id"));
        Assert.Equal("2026-01-01T00:00:00+00:00", records.Array[0].Str("start_date"));
        Assert.Equal("2026-01-31T23:59:59+00:00", records.Array[0].Str("end_date"));
        Assert.Equal("valid", records.Array[0].Str("status"));
        Assert.Equal(id, records.Array[0].Str("usagefile.id"));
        Assert.Equal("pending", submitted.Json.Str("status"));
        Assert.Equal("accepted", accepted.Json.Str("status"));
        Assert.Equal("fine", accepted.Json.Str("acceptance_note"));
        Assert.Equal("closed", closed.Json.Str("status"));
        Assert.Equal(3, closed.Json["records"]!["closed"]!.GetValue<int>());
        Assert.Equal("items 0-2/3", closedRecords.ContentRange);
        Assert.Equal(["create", "upload", "submit", "accept", "close"], audit.Array.Select(e => e.Str("action")));
        Assert.Equal(["draft", "ready", "pending", "accepted", "closed"], audit.Array.Select(e => e.Str("to")));
    }

    [Fact]
    public async Task GetRecord_ById_AnswersTheRecord()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await ReadyAsync(emulator, Row("r1", 7));
        var recordId = (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).Array[0].Str("id");

        var reply = await emulator.Api.FetchAsync($"usage/records/{recordId}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("r1", reply.Json.Str("record_id"));
        Assert.Equal(7m, reply.Json["usage"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Api.FetchAsync("usage/records/UR-0000")).Status);
    }

    [Fact]
    public async Task Reject_PendingFile_RecordsRejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await ReadyAsync(emulator);
        await emulator.Api.PostAsync($"usage/files/{id}/submit");

        var rejected = await emulator.Api.PostAsync($"usage/files/{id}/reject", """{"rejection_note":"wrong numbers"}""");
        var records = await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}");

        Assert.Equal("rejected", rejected.Json.Str("status"));
        Assert.Equal("wrong numbers", rejected.Json.Str("rejection_note"));
        Assert.Equal("rejected", records.Array[0].Str("status"));
    }

    [Fact]
    public async Task ApproveAll_PendingFile_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await ReadyAsync(emulator);
        await emulator.Api.PostAsync($"usage/files/{id}/submit", "{}");

        var reply = await emulator.Api.PutAsync($"usage/files/{id}/approve-all", "null");

        Assert.Equal("accepted", reply.Json.Str("status"));
        Assert.Equal("approved", (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).Array[0].Str("status"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("null")]
    public async Task Delete_InvalidFile_AnyEmptyBody_Deleted(string? body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);
        await UploadAsync(emulator, id, [1, 2, 3]);

        var reply = await emulator.Api.PostAsync($"usage/files/{id}/delete", body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("deleted", reply.Json.Str("status"));
        Assert.Equal("invalid", (await emulator.Control.FetchAsync($"audit?object_id={id}")).Array[^1].Str("from"));
    }

    [Fact]
    public async Task Delete_ReadyFile_ItsRecordsDisappear()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await ReadyAsync(emulator);
        var recordId = (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).Array[0].Str("id");

        await emulator.Api.PostAsync($"usage/files/{id}/delete");

        Assert.Equal("items 0-0/0", (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).ContentRange);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Api.FetchAsync($"usage/records/{recordId}")).Status);
    }

    [Theory]
    [InlineData("draft", "submit")]
    [InlineData("draft", "accept")]
    [InlineData("draft", "close")]
    [InlineData("draft", "reprocess")]
    [InlineData("ready", "accept")]
    [InlineData("ready", "close")]
    [InlineData("ready", "upload")]
    [InlineData("pending", "submit")]
    [InlineData("pending", "delete")]
    [InlineData("pending", "close")]
    [InlineData("accepted", "delete")]
    [InlineData("accepted", "reject")]
    [InlineData("closed", "close")]
    [InlineData("deleted", "delete")]
    [InlineData("invalid", "submit")]
    public async Task Action_NotAllowedInStatus_Answers400AndNothingChanges(string status, string action)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await InStatusAsync(emulator, status);

        var reply = action == "upload"
            ? await UploadAsync(emulator, id, Records(Row("r9", 1)))
            : await emulator.Api.PostAsync($"usage/files/{id}/{action}", action == "reject" ? """{"rejection_note":"x"}""" : null);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("UF_001", reply.ErrorCode);
        Assert.Equal($"Usage file {id} is in status {status}, action {action} is not allowed.", reply.FirstError);
        Assert.Equal(status, (await emulator.Api.FetchAsync($"usage/files/{id}")).Json.Str("status"));
    }

    [Fact]
    public async Task Reject_WithoutNote_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await InStatusAsync(emulator, "pending");

        var reply = await emulator.Api.PostAsync($"usage/files/{id}/reject", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Update_DraftThenPending_EditsThenRefuses()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var edited = await emulator.Api.PutAsync($"usage/files/{id}", """{"description":"d2","note":"n2","period":{"from":"2026-02-01","to":"2026-02-28"}}""");
        await UploadAsync(emulator, id, Records(Row("r1", 1)));
        await emulator.Api.PostAsync($"usage/files/{id}/submit");
        var refused = await emulator.Api.PutAsync($"usage/files/{id}", """{"note":"n3"}""");

        Assert.Equal("d2", edited.Json.Str("description"));
        Assert.Equal("2026-02-01", edited.Json.Str("period.from"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("UF_002", refused.ErrorCode);
    }

    [Fact]
    public async Task List_RqlAndLegacyProductFilter_ContentRange()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ready = await ReadyAsync(emulator);
        await CreateAsync(emulator, "second");

        var all = await emulator.Api.FetchAsync("usage/files");
        var readyOnly = await emulator.Api.FetchAsync($"usage/files?status=ready&in(product_id,({Demo.UsageProduct}))");
        var byProduct = await emulator.Api.FetchAsync($"usage/files?product.id={Demo.UsageProduct}&limit=1&offset=1");

        Assert.Equal("items 0-1/2", all.ContentRange);
        Assert.Equal(ready, Assert.Single(readyOnly.Array)!.Str("id"));
        Assert.Equal("items 1-1/2", byProduct.ContentRange);
        Assert.Equal("second", byProduct.Array[0].Str("name"));
    }

    [Fact]
    public async Task Categories_AfterUpload_GenericCategory()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await ReadyAsync(emulator);

        var reply = await emulator.Api.FetchAsync($"usage/files/{id}/categories");

        Assert.Equal("generic_category", Assert.Single(reply.Array)!.Str("id"));
        Assert.Equal("items 0-0/1", reply.ContentRange);
    }

    [Fact]
    public async Task Reprocess_InvalidAfterTheAssetChanged_BecomesReady()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);
        var invalid = await UploadAsync(emulator, id, Records(Row("r1", 1, assetValue: "AS-0002-0001-0002")));
        await emulator.Api.PutAsync($"requests/{Demo.PendingUsagePurchase}", """{"asset":{"params":[{"id":"account_id","value":"ACC-0002"}]}}""");
        await emulator.Api.PostAsync($"requests/{Demo.PendingUsagePurchase}/approve", """{"template_id":"TL-400-500-601"}""");

        var reprocessed = await emulator.Api.PostAsync($"usage/files/{id}/reprocess");

        Assert.Equal("invalid", invalid.Json.Str("status"));
        Assert.Contains("AS-0002-0001-0002 is in status processing", invalid.Json.Str("error_detail"), StringComparison.Ordinal);
        Assert.Equal("ready", reprocessed.Json.Str("status"));
        Assert.Equal("", reprocessed.Json.Str("error_detail"));
    }

    [Fact]
    public async Task Template_LinkDownloadsWithoutAuth_HasTheUsageRecordsHeader()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"usage/products/{Demo.UsageProduct}/template");
        using var anonymous = new HttpClient();
        using var download = await anonymous.GetAsync(reply.Json.Str("template_link"));
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith(emulator.Host.BaseUrl[..^"/public/v1".Length], reply.Json.Str("template_link"), StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "usage_records");
        var header = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().First();
        Assert.Equal(Php17, header.Elements<Cell>().Select(c => c.InnerText));
        Assert.Contains(workbook.Workbook.Sheets!.Elements<Sheet>(), s => s.Name == "categories");
    }

    [Fact]
    public async Task Template_UnknownProduct_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var anonymous = new HttpClient();

        var reply = await emulator.Api.FetchAsync("usage/products/PRD-000-000-000/template");
        using var download = await anonymous.GetAsync(emulator.Host.BaseUrl[..^"/public/v1".Length] + "/files/usage/templates/PRD-000-000-000.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task UsageRoutes_WithoutKey_Answer401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var anonymous = TestEmulator.NewClient(emulator.Host.BaseUrl, null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.FetchAsync("usage/files")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.FetchAsync("usage/records")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.FetchAsync($"usage/products/{Demo.UsageProduct}/template")).Status);
    }

    [Fact]
    public async Task UploadedFile_UsageFileUri_ServesTheUploadedBytes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);
        var xlsx = Records(Row("r1", 3));
        var reply = await UploadAsync(emulator, id, xlsx);
        using var anonymous = new HttpClient();

        var bytes = await anonymous.GetByteArrayAsync(reply.Json.Str("usage_file_uri"));

        Assert.Equal(xlsx, bytes);
    }

    internal static async Task<string> InStatusAsync(TestEmulator emulator, string status)
    {
        var id = await CreateAsync(emulator);
        if (status == "draft")
        {
            return id;
        }

        if (status == "invalid")
        {
            await UploadAsync(emulator, id, []);
            return id;
        }

        await UploadAsync(emulator, id, Records(Row("r1", 1)));
        string[] path = status switch
        {
            "ready" => [],
            "pending" => ["submit"],
            "accepted" => ["submit", "accept"],
            "closed" => ["submit", "accept", "close"],
            "deleted" => ["delete"],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var action in path)
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Api.PostAsync($"usage/files/{id}/{action}", "{}")).Status);
        }

        return id;
    }
}
