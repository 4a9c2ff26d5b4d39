using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class ParamValueTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, ConnectJson.TypeInfo<T>())!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, ConnectJson.TypeInfo<T>());

    [Theory]
    [InlineData("42", "42")]
    [InlineData("4.50", "4.50")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void Read_ScalarNonStringValue_ExposesTextAndRoundTripsRaw(string raw, string expected)
    {
        var json = $$"""{"id":"seats","value":{{raw}},"value_error":""}""";

        var param = Read<Param>(json);

        Assert.Equal(expected, param.Value);
        Assert.Equal(raw, param.ValueJson!.Value.GetRawText());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(param))));
    }

    [Fact]
    public void Read_ObjectValue_KeepsRawAndValueIsNull()
    {
        const string json = """{"id":"address","value":{"city":"Berlin","zip":10115},"type":"object"}""";

        var param = Read<Param>(json);

        Assert.Null(param.Value);
        Assert.Equal(JsonValueKind.Object, param.ValueJson!.Value.ValueKind);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(param))));
    }

    [Fact]
    public void Read_RequestWithMixedParamValues_DoesNotThrow()
    {
        const string json = """{"id":"PR-1","asset":{"id":"AS-1","params":[{"id":"a","value":"x"},{"id":"b","value":7},{"id":"c","value":[1,2]},{"id":"d","value":null}]}}""";

        var request = Read<FulfillmentRequest>(json);

        Assert.Equal("x", request.Asset!.GetParamById("a")!.Value);
        Assert.Equal("7", request.Asset.GetParamById("b")!.Value);
        Assert.Null(request.Asset.GetParamById("c")!.Value);
        Assert.Null(request.Asset.GetParamById("d")!.Value);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(request))));
    }

    [Fact]
    public void Value_SetFromCode_IsWrittenAsString()
    {
        var param = Read<Param>("""{"id":"seats","value":42}""");

        param.Value = "43";

        Assert.Null(param.ValueJson);
        Assert.Equal("""{"id":"seats","value":"43"}""", Write(param));
        Assert.Equal("""{"id":"x","value":"v"}""", Write(new Param { Id = "x", Value = "v" }));
        Assert.Equal("""{"id":"x"}""", Write(new Param { Id = "x" }));
    }

    [Fact]
    public void Value_SetToSameText_KeepsRawForm()
    {
        var param = Read<Param>("""{"id":"seats","value":42}""");

        param.Value = "42";

        Assert.Equal("""{"id":"seats","value":42}""", Write(param));
    }

    [Fact]
    public async Task UpdateParametersAsync_UnchangedNumericValue_SendsItInItsOriginalForm()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PR-1"}""");
        using var client = TestClients.Create(stub);
        var param = Read<Param>("""{"id":"seats","value":42}""");

        await client.Requests.UpdateParametersAsync("PR-1", [param, new Param { Id = "b", Value = "x" }]);

        var expected = """{"asset":{"params":[{"id":"seats","value":42},{"id":"b","value":"x"}]}}""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stub.Requests[0].Body!)), stub.Requests[0].Body);
    }
}
