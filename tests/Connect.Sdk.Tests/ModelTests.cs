using CsCheck;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class ModelTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, ConnectJson.TypeInfo<T>())!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, ConnectJson.TypeInfo<T>());

    [Fact]
    public void Items_ChangeRequest_ClassifiesNewChangedRemoved()
    {
        var request = Read<FulfillmentRequest>("""
            {"id":"PR-1","type":"change","asset":{"items":[
              {"id":"A","mpn":"MPN-A","global_id":"G-A","quantity":"3","old_quantity":"0"},
              {"id":"B","mpn":"MPN-B","quantity":5,"old_quantity":2},
              {"id":"C","mpn":"MPN-C","quantity":"0","old_quantity":"4"},
              {"id":"D","mpn":"MPN-D","quantity":"1","old_quantity":"1"}]}}
            """);

        Assert.Equal(["A"], request.NewItems.Select(i => i.Id));
        Assert.Equal(["B", "D"], request.ChangedItems.Select(i => i.Id));
        Assert.Equal(["C"], request.RemovedItems.Select(i => i.Id));
        Assert.Equal("B", request.Asset!.GetItemByMpn("MPN-B")!.Id);
        Assert.Equal("A", request.Asset.GetItemByGlobalId("G-A")!.Id);
        Assert.Equal("MPN-C", request.Asset.GetItemById("C")!.Mpn);
        Assert.Null(request.Asset.GetItemById("Z"));
    }

    [Theory]
    [InlineData("""{"asset":{"params":[{"id":"migration_info","value":"{\"a\":1}"}]}}""", "migration_info", true)]
    [InlineData("""{"asset":{"params":[{"id":"migration_info","value":""}]}}""", "migration_info", false)]
    [InlineData("""{"asset":{"params":[]}}""", "migration_info", false)]
    [InlineData("""{"asset":{"params":[{"id":"legacy","value":"x"}]}}""", "legacy", true)]
    [InlineData("""{}""", "migration_info", false)]
    public void NeedsMigration_ChecksParamValue(string json, string key, bool expected) =>
        Assert.Equal(expected, Read<FulfillmentRequest>(json).NeedsMigration(key));

    [Fact]
    public void Quantity_SetOnStringForm_StaysString_AndNumberFormStaysNumber()
    {
        var items = Read<List<Item>>("""[{"id":"A","quantity":"3"},{"id":"B","quantity":3.50}]""");

        Assert.Equal(3.5m, items[1].Quantity);
        var unchanged = JsonNode.Parse(Write(items))!;
        Assert.Equal("3.50", unchanged[1]!["quantity"]!.ToJsonString());

        items[0].Quantity = 7;
        items[1].Quantity = 8;
        var json = JsonNode.Parse(Write(items))!;

        Assert.Equal("\"7\"", json[0]!["quantity"]!.ToJsonString());
        Assert.Equal("8", json[1]!["quantity"]!.ToJsonString());
        Assert.Equal("""{"quantity":"2"}""", Write(new Item { Quantity = 2 }));
    }

    [Theory]
    [InlineData("2021-03-19T12:21:32+00:00")]
    [InlineData("2020-03-04T03:24:28.137141+00:00")]
    [InlineData("2019-03-07T17:36:11Z")]
    [InlineData("2021-02-01")]
    [InlineData("2023-04-28 11:36:38.814429+00:00")]
    public void Timestamp_AnyConnectForm_ReadsAndWritesBackVerbatim(string text)
    {
        var json = $$"""{"at":"{{text}}"}""";

        var e = Read<Event>(json);

        Assert.NotNull(e.At);
        Assert.Equal(json, Write(e));
    }

    [Fact]
    public void Timestamp_OffsetForms_FastPathReadsTheSameInstantAsTheLenientParser()
    {
        // The reader's ISO 8601 fast path must agree with the lenient parser on every form it accepts.
        CsCheck.Gen.Select(
                CsCheck.Gen.Long[DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay],
                CsCheck.Gen.Int[-14 * 4, 14 * 4],
                CsCheck.Gen.Int[0, 7],
                CsCheck.Gen.Bool)
            .Sample((ticks, quarterHours, digits, zulu) =>
            {
                var offset = zulu ? TimeSpan.Zero : TimeSpan.FromMinutes(quarterHours * 15);
                var value = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
                var format = "yyyy-MM-dd'T'HH:mm:ss" + (digits > 0 ? "." + new string('f', digits) : string.Empty) + (zulu ? "'Z'" : "zzz");
                var text = value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

                Assert.True(WireTimestampConverter.IsOffsetForm(System.Text.Encoding.UTF8.GetBytes(text)), text);
                Assert.True(WireTimestamp.TryParse(text, out var lenient), text);
                var read = Read<Event>($$"""{"at":"{{text}}"}""");
                Assert.Equal(lenient, read.At);
                Assert.Equal(lenient.Offset, read.At!.Value.Offset);
            });
    }

    [Theory]
    [InlineData("2021-02-01", false)]
    [InlineData("2023-04-28 11:36:38.814429+00:00", false)]
    [InlineData("2023-04-28T11:36:38", false)]
    [InlineData("2023-04-28T11:36:38.12345678+00:00", false)]
    [InlineData("2023-04-28T11:36:38.1234567+00:00", true)]
    [InlineData("2023-04-28T11:36:38-05:30", true)]
    [InlineData("2023-04-28T11:36:38Z", true)]
    public void Timestamp_IsOffsetForm_OnlyTheExactIsoForms(string text, bool expected) =>
        Assert.Equal(expected, WireTimestampConverter.IsOffsetForm(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Timestamp_NotADate_ThrowsWithPath()
    {
        var ex = Assert.Throws<ConnectSerializationException>(() => ConnectJson.Deserialize<FulfillmentRequest>("""{"created":"yesterday"}"""));

        Assert.Equal("$.created", ex.JsonPath);
    }

    [Fact]
    public void Timestamp_SetNewValue_WritesIso8601WithOffset()
    {
        var e = new Event { At = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        Assert.Equal("""{"at":"2024-01-02T03:04:05+00:00"}""", Write(e));
    }

    [Fact]
    public void Status_Unknown_IsKept()
    {
        var request = Read<FulfillmentRequest>("""{"status":"brand_new_status"}""");

        Assert.Equal("brand_new_status", request.Status);
    }

    [Fact]
    public void ExplicitNullAndAbsent_RoundTripDistinctly()
    {
        const string json = """{"tier1":{"id":"TA-1"},"tier2":null}""";

        Assert.Equal(json, Write(Read<Tiers>(json)));
        Assert.Equal("""{"tier1":{"id":"TA-1"}}""", Write(Read<Tiers>("""{"tier1":{"id":"TA-1"}}""")));
    }

    [Fact]
    public void Assignee_AsStringOrObject_RoundTrips()
    {
        var empty = Read<FulfillmentRequest>("""{"assignee":""}""");
        var id = Read<FulfillmentRequest>("""{"assignee":"UR-1"}""");
        var user = Read<FulfillmentRequest>("""{"assignee":{"id":"UR-2","name":"N"}}""");

        Assert.Null(empty.Assignee!.Id);
        Assert.Equal("UR-1", id.Assignee!.Id);
        Assert.Equal("N", user.Assignee!.Name);
        Assert.Equal("""{"assignee":""}""", Write(empty));
        Assert.Equal("""{"assignee":"UR-1"}""", Write(id));
    }

    [Fact]
    public void UnknownFields_AreKeptInExtensionData()
    {
        var asset = Read<Asset>("""{"id":"AS-1","new_field":{"x":[1,2]}}""");

        Assert.True(asset.ExtensionData!.ContainsKey("new_field"));
        Assert.Equal("""{"id":"AS-1","new_field":{"x":[1,2]}}""", Write(asset));
    }

    [Fact]
    public void TierConfigAndConfiguration_GetParamById()
    {
        var tcr = Read<TierConfigRequest>(SharedFiles.Fixture("tier_config_request_approved.json"));

        Assert.Equal("value tier 1", tcr.GetParamById("tier1")!.Value);
        Assert.Equal("value tier 1", tcr.Configuration!.GetParamById("tier1")!.Value);
        Assert.Equal("product configuration value", tcr.Configuration.Configuration!.GetParamById("productconfiguration")!.Value);
        Assert.Null(tcr.GetParamById("nope"));
    }

    [Fact]
    public void Product_Capabilities_ReadPpuAndTiers()
    {
        var product = Read<Product>(SharedFiles.Fixture("product.json"));

        Assert.Null(product.Capabilities!.Ppu);
        Assert.Equal(2, product.Capabilities.Tiers!.Configs!.Level);
        Assert.Equal(4, product.Stats!.Versions);
    }

    [Fact]
    public void ServerErrorResponse_ReadsLegacyShape()
    {
        var error = Read<ServerErrorResponse>("""{"errors": ["a"], "error_code": "ERR_000", "params": {"param2": false}}""");

        Assert.Equal("ERR_000", error.ErrorCode);
        Assert.False(error.Params!["param2"].GetBoolean());
    }

    [Fact]
    public async Task Authorization_KeyWithoutPrefix_GetsPrefix()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PRD-1"}""");
        var options = TestClients.Options();
        options.ApiKey = "SU-1:abc";
        using var client = TestClients.Create(stub, options);

        await client.Products.GetAsync("PRD-1");

        Assert.Equal("ApiKey SU-1:abc", stub.Requests[0].Headers["Authorization"]);
        Assert.Equal("application/json", stub.Requests[0].Headers["Accept"]);
    }
}
