using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public sealed class ConnectSerializerTests
{
    [Fact]
    public void Deserialize_RecordedRequest_RoundTripsWithWireNames()
    {
        var json = SharedFiles.Fixture("request_purchase.json");

        var request = ConnectSerializer.Deserialize<FulfillmentRequest>(json);
        var back = ConnectSerializer.Serialize(request);

        Assert.Equal("purchase", request.Type);
        Assert.Contains("\"external_uid\":\"" + request.Asset!.ExternalUid + "\"", back, StringComparison.Ordinal);
        Assert.Equal(request.Asset.Params!.Count, ConnectSerializer.Deserialize<FulfillmentRequest>(back).Asset!.Params!.Count);
    }

    [Fact]
    public void Clone_ChangingTheCopy_LeavesTheOriginal()
    {
        var original = new FulfillmentRequest { Id = "PR-1", Asset = new Asset { Params = [new Param { Id = "a", Value = "1" }] } };

        var copy = ConnectSerializer.Clone(original);
        copy.Asset!.Params![0].Value = "2";

        Assert.Equal("1", original.Asset!.Params![0].Value);
    }

    [Theory]
    [InlineData("null", "$")]
    [InlineData("""{"asset":{"items":"x"}}""", "$.asset.items")]
    public void Deserialize_NotAModel_ThrowsNamingThePath(string json, string path)
    {
        var error = Assert.Throws<ConnectSerializationException>(() => ConnectSerializer.Deserialize<FulfillmentRequest>(json));

        Assert.Equal(path, error.JsonPath);
    }
}
