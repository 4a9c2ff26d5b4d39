using System.Text.Json;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class UsageRecordTests
{
    [Fact]
    public void Deserialize_SnakeCaseRecord_KeepsDecimalsAndUnknownFields()
    {
        const string json = """{"record_id":"r-1","quantity":12.5,"amount":0.1,"x_extra":{"a":1}}""";

        var record = JsonSerializer.Deserialize<UsageRecord>(json)!;

        Assert.Equal("r-1", record.RecordId);
        Assert.Equal(12.5m, record.Quantity);
        Assert.Equal(0.1m, record.Amount);
        Assert.True(record.ExtensionData!.ContainsKey("x_extra"));
    }
}
