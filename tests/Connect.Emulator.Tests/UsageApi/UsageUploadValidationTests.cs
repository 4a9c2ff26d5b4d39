using System.Net;
using System.Net.Http.Headers;
using static Connect.Emulator.Tests.UsageApi.UsageFiles;

namespace Connect.Emulator.Tests.UsageApi;

public sealed class UsageUploadValidationTests
{
    [Fact]
    public async Task Upload_BadRows_InvalidWithEachRowAndReason()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, Records(
            Row("r1", 1),
            Row("r2", 1, itemValue: "MPN-NOPE"),
            Row("r3", 1, assetValue: "AS-9999-9999-9999"),
            Row("r1", 1),
            Row("r5", -4),
            Row("r6", 1.5m),
            Row("r7", 1, start: "2026-01-10 00:00:00", end: "2026-01-09 00:00:00"),
            Row("r8", 1, itemValue: "MPN-BASE"),
            Row("r9", 1, assetCriteria: "asset.name"),
            Row("r10", 1, start: "yesterday")));
        var detail = reply.Json.Str("error_detail");

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.Equal(9, reply.Json["records"]!["invalid"]!.GetValue<int>());
        Assert.Equal(0, reply.Json["records"]!["valid"]!.GetValue<int>());
        Assert.Contains("Row 3: no item of product PRD-400-500-600 has item.mpn 'MPN-NOPE'.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 4: no asset of product PRD-400-500-600 has asset.id 'AS-9999-9999-9999'.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 5: record_id 'r1' is used by an earlier row.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 6: quantity must not be negative.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 7: quantity 1.5 has more decimals than the item's precision integer.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 8: end_time_utc is before start_time_utc.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 9: item MPN-BASE is not a pay-per-use item.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 10: asset_search_criteria 'asset.name' is not asset.id or parameter.<parameter id>.", detail, StringComparison.Ordinal);
        Assert.Contains("Row 11: start_time_utc: 'yesterday' is not a date", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Row 2:", detail, StringComparison.Ordinal);
        Assert.Equal("items 0-0/0", (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).ContentRange);
    }

    [Fact]
    public async Task Upload_WrongSheetName_InvalidNamingTheSheets()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, Workbook("records", Php17, Row("r1", 1)));

        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.Equal("The workbook has no 'usage_records' sheet (its sheets: records).", reply.Json.Str("error_detail"));
    }

    [Fact]
    public async Task Upload_GarbageBytes_InvalidNotAWorkbook()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 37 % 253))]);

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.StartsWith("The file is not a valid .xlsx workbook", reply.Json.Str("error_detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_EmptyFile_InvalidSaysEmpty()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, []);

        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.Equal("The uploaded file is empty; expected an .xlsx workbook.", reply.Json.Str("error_detail"));
    }

    [Fact]
    public async Task Upload_MissingColumns_InvalidNamingThem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, Workbook("usage_records", ["record_id", "quantity"], ["r1", 1m]));

        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.StartsWith("The usage_records sheet is missing required columns: item_search_criteria, item_search_value,", reply.Json.Str("error_detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_HeaderOnly_InvalidNoRecords()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, Records());

        Assert.Equal("invalid", reply.Json.Str("status"));
        Assert.Equal("The usage_records sheet has no records.", reply.Json.Str("error_detail"));
    }

    [Fact]
    public async Task Upload_Template2019Columns_Ready()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);
        string[] headers = ["usage_record_id", "item_search_criteria", "item_search_value", "quantity", "start_time_utc", "end_time_utc", "asset_search_criteria", "asset_search_value"];

        var reply = await UploadAsync(emulator, id, Workbook("usage_records", headers,
            ["t1", "item.local_id", "PRD-400-500-600-0002", 2.5m, "2026-01-02", "2026-01-03", "parameter.account_id", "ACC-0001"]));
        var record = (await emulator.Api.FetchAsync($"usage/records?usagefile.id={id}")).Array.Single()!;

        Assert.Equal("ready", reply.Json.Str("status"));
        Assert.Equal("t1", record.Str("record_id"));
        Assert.Equal("MPN-PPU-GB", record.Str("item.mpn"));
        Assert.Equal(UsageFiles.ActiveAsset, record.Str("asset.id"));
    }

    [Fact]
    public async Task Upload_NotMultipart_Answers400AndFileStaysDraft()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await emulator.Api.PostAsync($"usage/files/{id}/upload", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("UF_003", reply.ErrorCode);
        Assert.Equal("draft", (await emulator.Api.FetchAsync($"usage/files/{id}")).Json.Str("status"));
    }

    [Fact]
    public async Task Upload_WrongFieldName_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);

        var reply = await UploadAsync(emulator, id, Records(Row("r1", 1)), field: "file");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("UF_003", reply.ErrorCode);
        Assert.Contains("usage_file", reply.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Answers413AndFileStaysDraft()
    {
        var options = new EmulatorOptions { Port = 0, MaxUploadBytes = 4096 };
        await using var host = await EmulatorHost.StartAsync(options);
        using var api = TestEmulator.NewClient(host.BaseUrl, TestEmulator.Key);
        var id = (await api.PostAsync("usage/files",
            $$"""{"name":"big","product":{"id":"{{Demo.UsageProduct}}"},"contract":{"id":"{{UsageContract}}" } }""")).Json.Str("id");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[10_000]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "usage_file", "usage_file.xlsx");

        using var response = await api.PostAsync($"usage/files/{id}/upload", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("UF_004", text, StringComparison.Ordinal);
        Assert.Contains("4096 bytes", text, StringComparison.Ordinal);
        Assert.Equal("draft", (await api.FetchAsync($"usage/files/{id}")).Json.Str("status"));
    }
}
