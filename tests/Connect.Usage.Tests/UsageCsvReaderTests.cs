using System.Text;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

public sealed class UsageCsvReaderTests
{
    private const string Header =
        "record_id,record_note,item_search_criteria,item_search_value,amount,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value,tier\n";

    [Fact]
    public async Task ReadAsync_ValidCsv_ReadsTypedRecords()
    {
        var csv = Header
                  + "r1,plain,item.mpn,SKU-A,12.5,3,2026-03-01 07:21:39,2026-03-02 00:00:00,asset.id,AS-1,2\n"
                  + "r2,\"comma, \"\"quote\"\" and\nnewline\",item.mpn,SKU-B,,0.000001,2026-03-01,2026-03-02T10:00:00+02:00,parameter.tenant,t-2,\n";

        var records = await Read(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(("r1", 12.5m, 3m, 2), (records[0].RecordId, records[0].Amount, records[0].Quantity, records[0].Tier));
        Assert.Equal(new DateTime(2026, 3, 1, 7, 21, 39, DateTimeKind.Utc), records[0].StartTimeUtc);
        Assert.Equal("comma, \"quote\" and\nnewline", records[1].RecordNote);
        Assert.Null(records[1].Amount);
        Assert.Equal(0.000001m, records[1].Quantity);
        Assert.Equal(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), records[1].StartTimeUtc);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), records[1].EndTimeUtc);
        Assert.Equal(DateTimeKind.Utc, records[1].EndTimeUtc!.Value.Kind);
        Assert.Equal("parameter.tenant", records[1].AssetSearchCriteria);
    }

    [Fact]
    public async Task ReadAsync_TemplateHeaderOrderAndUnknownColumns_MapsByName()
    {
        var csv = "usage_record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value,v.region\n"
                  + "u-1,item.mpn,SKU-A,4,2026-03-01 00:00:00,2026-03-01 01:00:00,asset.id,AS-1,eu\n";

        var record = Assert.Single(await Read(csv));

        Assert.Equal("u-1", record.RecordId);
        Assert.Equal(4m, record.Quantity);
        Assert.Equal("eu", record.Params!["v.region"]);
    }

    [Fact]
    public async Task ReadAsync_NotANumber_NamesLineAndColumn()
    {
        var csv = Header
                  + "r1,,item.mpn,SKU-A,1,1,2026-03-01 00:00:00,2026-03-01 01:00:00,asset.id,AS-1,\n"
                  + "r2,\"two\nlines\",item.mpn,SKU-A,1,1,2026-03-01 00:00:00,2026-03-01 01:00:00,asset.id,AS-1,\n"
                  + "r3,,item.mpn,SKU-A,1,\"1,5\",2026-03-01 00:00:00,2026-03-01 01:00:00,asset.id,AS-1,\n";

        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(csv));

        Assert.Equal((5L, "quantity"), (error.Line, error.Column));
        Assert.Equal("Line 5, column 'quantity': '1,5' is not a number (invariant culture, '.' as decimal separator)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_BadDate_NamesLineAndColumn()
    {
        var csv = Header + "r1,,item.mpn,SKU-A,1,1,01-03-2026,2026-03-01 01:00:00,asset.id,AS-1,\n";

        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(csv));

        Assert.Equal((2L, "start_time_utc"), (error.Line, error.Column));
        Assert.Contains("'01-03-2026' is not a date", error.Message);
    }

    [Fact]
    public async Task ReadAsync_FractionalTier_IsAnError()
    {
        var csv = Header + "r1,,item.mpn,SKU-A,1,1,2026-03-01,2026-03-02,asset.id,AS-1,1.5\n";

        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(csv));

        Assert.Equal((2L, "tier"), (error.Line, error.Column));
    }

    [Fact]
    public async Task ReadAsync_WrongFieldCount_NamesTheLine()
    {
        var csv = Header + "r1,,item.mpn\n";

        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(csv));

        Assert.Equal(2, error.Line);
        Assert.Contains("has 3 fields but the header has 11", error.Message);
    }

    [Fact]
    public async Task ReadAsync_StrayQuote_IsMalformed()
    {
        var csv = Header + "r1,bad \"quote,item.mpn,SKU-A,1,1,2026-03-01,2026-03-02,asset.id,AS-1,\n";

        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(csv));

        Assert.Equal(2, error.Line);
        Assert.Contains("malformed CSV", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredHeader_IsAnError()
    {
        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read("record_id,item_search_criteria,quantity\nr1,item.mpn,1\n"));

        Assert.Equal(1, error.Line);
        Assert.Contains("lacks required columns: item_search_value, asset_search_criteria, asset_search_value", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Empty_IsAnError()
    {
        var error = await Assert.ThrowsAsync<UsageFormatException>(() => Read(""));

        Assert.Contains("no header row", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Utf8StreamWithBom_FeedsTheWriter()
    {
        var csv = Header + "r1,caf\u00e9,item.mpn,SKU-A,1,1,2026-03-01,2026-03-02,asset.id,AS-1,\n";
        using var input = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        using var xlsx = new MemoryStream();

        var summary = await UsageSpreadsheetWriter.WriteAsync(xlsx, UsageCsvReader.ReadAsync(input));

        Assert.Equal(1, summary.RecordCount);
        xlsx.Position = 0;
        Assert.Equal("caf\u00e9", UsageSpreadsheetReader.ReadRecords(xlsx).Single().RecordNote);
    }

    private static async Task<List<UsageRecord>> Read(string csv)
    {
        var records = new List<UsageRecord>();
        await foreach (var record in UsageCsvReader.ReadAsync(new StringReader(csv)))
        {
            records.Add(record);
        }

        return records;
    }
}
