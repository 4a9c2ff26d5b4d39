using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public class FixtureRoundTripTests
{
    public static TheoryData<string> EntityFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(SharedFiles.Fixtures, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (ModelFor(name) is not null)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void EntityFixtures_AllExpectedFilesPresent_AtLeastTwelve()
    {
        Assert.True(EntityFixtures().Count >= 12, "fixtures missing: " + EntityFixtures().Count);
    }

    [Theory]
    [MemberData(nameof(EntityFixtures))]
    public void Deserialize_EntityFixture_SerializesBackEqual(string fileName)
    {
        var json = SharedFiles.Fixture(fileName);
        var type = ModelFor(fileName)!;

        var model = JsonSerializer.Deserialize(json, ConnectJson.Options.GetTypeInfo(type));
        Assert.NotNull(model);
        var back = JsonSerializer.Serialize(model, ConnectJson.Options.GetTypeInfo(type));

        var expected = JsonNode.Parse(json);
        var actual = JsonNode.Parse(back);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{fileName} did not round-trip:\n{back}");
    }

    [Fact]
    public void Deserialize_RequestPurchase_ReadsTypedFields()
    {
        var request = JsonSerializer.Deserialize(SharedFiles.Fixture("request_purchase.json"), ConnectJson.TypeInfo<FulfillmentRequest>())!;

        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal("AS-8055-3268-5577", request.Asset!.Id);
        Assert.Equal(3m, request.Asset.Items![0].Quantity);
        Assert.Equal(0m, request.Asset.Items[0].OldQuantity);
        Assert.Equal(new DateTimeOffset(2021, 3, 19, 12, 21, 32, TimeSpan.Zero), request.Asset.Events!.Created!.At);
        Assert.Equal("123", request.GetParamById("param_a")!.Value);
        Assert.Single(request.NewItems);
        Assert.Empty(request.ChangedItems);
        Assert.Empty(request.RemovedItems);
    }

    [Fact]
    public void Deserialize_UsageFile_ReadsMicrosecondTimestamps()
    {
        var file = JsonSerializer.Deserialize(SharedFiles.Fixture("usage_file.json"), ConnectJson.TypeInfo<UsageFile>())!;

        Assert.Equal(new DateTimeOffset(2020, 3, 4, 3, 24, 28, TimeSpan.Zero).AddTicks(1371410), file.Events!.Created!.At);
        Assert.Equal(2, file.Stats!.Uploaded);
    }

    internal static Type? ModelFor(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name switch
        {
            "asset_requests_list" => typeof(List<FulfillmentRequest>),
            "conversations_list" => typeof(List<Conversation>),
            "conversation_message_created" => typeof(ConversationMessage),
            "spec_v37_conversation_messages_list" => typeof(List<ConversationMessage>),
            "spec_v37_conversation" => typeof(Conversation),
            "templates_list" => typeof(List<Template>),
            "listings" => typeof(List<UsageListing>),
            "request_create_purchase_body" => typeof(FulfillmentRequest),
            "tier_config_request_create_body" => typeof(TierConfigRequest),
            _ when name.StartsWith("request", StringComparison.Ordinal) => typeof(FulfillmentRequest),
            _ when name.StartsWith("tier_config_request", StringComparison.Ordinal) => typeof(TierConfigRequest),
            _ when name.StartsWith("usage_file", StringComparison.Ordinal) => typeof(UsageFile),
            _ when name.StartsWith("template", StringComparison.Ordinal) => typeof(Template),
            _ when name.StartsWith("conversation", StringComparison.Ordinal) => typeof(Conversation),
            "product" => typeof(Product),
            "asset" => typeof(Asset),
            "marketplace" => typeof(Marketplace),
            _ => null,
        };
    }
}
