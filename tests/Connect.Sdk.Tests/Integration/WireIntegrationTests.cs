using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>
/// Wire details against the emulator: documents read as typed models write back the same JSON tree, creation
/// bodies are accepted, and RQL edge cases (literal stars, plus signs, non-ASCII, dates, search) survive the trip.
/// </summary>
public sealed class WireIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> Documents => new()
    {
        { "requests", Demo.ChangePending },
        { "requests", Demo.Approved },
        { "requests", Demo.Inquiring },
        { "requests", Demo.TiersSetupContoso },
        { "assets", "AS-0001-0001-0005" },
        { "assets", "AS-0002-0001-0001" },
        { "products", Demo.TierProduct },
        { "products", Demo.PpuProduct },
        { "tier/config-requests", Demo.ContosoTcr },
        { "tier/config-requests", Demo.NorthwindTcr },
        { "tier/configs", "TC-128-851-171" },
        { "marketplaces", Demo.MarketplaceEu },
        { "contracts", "CRD-10001-00001-00001" },
        { "listings", "LST-400-500-601" },
        { "conversations", Demo.CompletePending },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task GetAsync_EmulatorDocument_TypedModelWritesBackSameTree(string collection, string id)
    {
        var raw = await Client.Collection(collection)[id].GetAsync();

        var written = collection switch
        {
            "requests" => Write(await Client.Requests.GetAsync(id)),
            "assets" => Write(await Client.Assets.GetAsync(id)),
            "products" => Write(await Client.Products.GetAsync(id)),
            "tier/config-requests" => Write(await Client.TierConfigRequests.GetAsync(id)),
            "tier/configs" => Write(await Client.TierConfigs.GetAsync(id)),
            "marketplaces" => Write(await Client.Marketplaces.GetAsync(id)),
            "contracts" => Write(await Client.Contracts.GetAsync(id)),
            "listings" => Write(await Client.Listings.GetAsync(id)),
            "conversations" => Write(await Client.Conversations.GetAsync(id)),
            _ => throw new ArgumentOutOfRangeException(nameof(collection)),
        };

        Assert.True(JsonNode.DeepEquals(raw, JsonNode.Parse(written)), $"{collection}/{id} changed on the round trip:\n{written}");
    }

    [Fact]
    public async Task ListTemplatesAndMessages_EmulatorDocuments_RoundTrip()
    {
        var rawTemplates = await Client.Collection("products")[Demo.TierProduct].Collection("templates").ListAsync().ToListAsync();
        var templates = await Client.Products.ListTemplatesAsync(Demo.TierProduct).ToListAsync();
        var rawParams = await Client.Collection("products")[Demo.TierProduct].Collection("parameters").ListAsync().ToListAsync();
        var parameters = await Client.Products.ListParametersAsync(Demo.TierProduct).ToListAsync();

        Assert.Equal(rawTemplates.Count, templates.Count);
        for (var i = 0; i < templates.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(rawTemplates[i], JsonNode.Parse(Write(templates[i]))), Write(templates[i]));
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(rawParams[i], JsonNode.Parse(Write(parameters[i]))), Write(parameters[i]));
        }
    }

    [Fact]
    public async Task CreateAsync_TypedPurchase_Answers201DocumentInPending()
    {
        var purchase = new FulfillmentRequest
        {
            Type = RequestType.Purchase,
            Asset = new Asset
            {
                ExternalId = "ext-int-1",
                ExternalUid = "9f0e1a2b-0000-4000-8000-000000000001",
                Connection = new Connection { Id = "CT-0000-0000-0002" },
                Product = new Product { Id = Demo.PpuProduct },
                Items = [new Item { Mpn = "MPN-BASE", Quantity = 2 }],
                Params = [new Param { Id = "customer_email", Value = "ops@example.com" }],
                Tiers = new Tiers { Customer = new TierAccount { Id = Demo.Acme } },
            },
            Marketplace = new Marketplace { Id = Demo.MarketplaceEu },
        };

        var created = await Client.Requests.CreateAsync(purchase);
        var reread = await Client.Requests.GetAsync(created.Id!);

        Assert.Equal(RequestStatus.Pending, created.Status);
        Assert.Equal(RequestType.Purchase, reread.Type);
        Assert.Equal(2m, reread.Asset!.GetItemByMpn("MPN-BASE")!.Quantity);
        Assert.Equal("ops@example.com", reread.Asset.GetParamById("customer_email")!.Value);
        Assert.Equal(AssetStatus.Processing, (await Client.Assets.GetAsync(reread.Asset.Id!)).Status);
    }

    [Fact]
    public async Task CreateAsync_TypedCancelOnActiveAsset_CreatesPendingCancel()
    {
        var created = await Client.Requests.CreateAsync(new FulfillmentRequest { Type = RequestType.Cancel, Asset = new Asset { Id = "AS-0002-0001-0001" } });

        Assert.Equal(RequestType.Cancel, created.Type);
        Assert.Equal(RequestStatus.Pending, created.Status);
        Assert.Contains(created.Id, await Client.Assets.ListRequestsAsync("AS-0002-0001-0001").Select(r => r.Id).ToListAsync());
    }

    [Fact]
    public async Task CreateAsync_TierConfigUpdateRequest_Answers201()
    {
        var created = await Client.TierConfigRequests.CreateAsync(new TierConfigRequest
        {
            Configuration = new TierConfig { Id = "TC-128-851-171" },
            Params = [new Param { Id = "partner_number", Value = "P-2" }],
        });

        Assert.StartsWith("TCR-128-851-171-", created.Id, StringComparison.Ordinal);
        Assert.Equal(TierConfigRequestStatus.Pending, created.Status);
    }

    [Fact]
    public async Task ListAsync_LikeWithLiteralStar_MatchesOnlyTheStar()
    {
        await Client.Requests[Demo.CompletePending].UpdateParametersAsync([], "50* off, today");
        await Client.Requests[Demo.MissingEmailPending].UpdateParametersAsync([], "50% off, today");

        var star = await Client.Requests.ListAsync(new Query().Like("note", "50\\* off*")).Select(r => r.Id).ToListAsync();
        var any = await Client.Requests.ListAsync(new Query().Like("note", "50* off*")).Select(r => r.Id).ToListAsync();

        Assert.Equal([Demo.CompletePending], star);
        Assert.Equal([Demo.CompletePending, Demo.MissingEmailPending], any.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_NonAsciiAndPlusAndPercent_RoundTrip()
    {
        const string note = "Müller+Søn 100% ✓";
        await Client.Requests[Demo.CompletePending].UpdateParametersAsync([], note);

        var found = await Client.Requests.ListAsync(new Query().Equal("note", note)).Select(r => r.Id).ToListAsync();

        Assert.Equal([Demo.CompletePending], found);
    }

    [Fact]
    public async Task ListAsync_OrderingWithPlusSign_SortsAscending()
    {
        var query = new Query().Equal("asset.product.id", Demo.TierProduct).Ordering("+id");

        var ids = await Client.Requests.ListAsync(query).Select(r => r.Id!).ToListAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.True(ids.Count > 2);
    }

    [Fact]
    public async Task ListAsync_DateComparison_FiltersByCreated()
    {
        var all = await Client.Requests.ListAsync(new Query().Ordering("created")).ToListAsync();
        var pivot = all[all.Count / 2].Created!.Value;

        var later = await Client.Requests.ListAsync(new Query().GreaterEqual("created", pivot)).ToListAsync();
        var earlier = await Client.Requests.ListAsync(new Query().Lesser("created", pivot)).ToListAsync();

        Assert.Equal(all.Count(r => r.Created >= pivot), later.Count);
        Assert.Equal(all.Count(r => r.Created < pivot), earlier.Count);
        Assert.All(later, r => Assert.True(r.Created >= pivot));
    }

    [Fact]
    public async Task ListAsync_Search_FindsByCustomerName()
    {
        var found = await Client.Requests.ListAsync(new Query().Search("Globex")).ToListAsync();

        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Equal("Globex Inc", r.Asset!.Tiers!.Customer!.Name));
    }

    [Fact]
    public async Task ListAsync_BooleanFilter_IsUnderstood()
    {
        var required = await Client.Products.ListParametersAsync(Demo.TierProduct, new Query().Equal("constraints.required", true)).Select(p => p.Name).ToListAsync();

        Assert.Equal(["customer_email", "storage_region", "subscription_id", "tenant_domain"], required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_LimitAboveServerMaximum_StillWalksEverything()
    {
        await emulator.GenerateAsync(Demo.PpuProduct, 1200);
        var query = new Query().Equal("asset.product.id", Demo.PpuProduct).Limit(1500);

        var count = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var request in Client.Requests.ListAsync(query))
        {
            count++;
            ids.Add(request.Id!);
        }

        Assert.Equal(1202, count);
        Assert.Equal(1202, ids.Count);
    }

    [Fact]
    public async Task ConversationsGetAsync_ByInstanceId_EmbedsMessages()
    {
        var conversation = await Client.Conversations.GetAsync(Demo.CompletePending);

        Assert.Equal(Demo.CompletePending, conversation.InstanceId);
        Assert.StartsWith("CO-", conversation.Id, StringComparison.Ordinal);
        Assert.NotEmpty(conversation.Messages!);
    }

    [Fact]
    public async Task CollectionListAsync_UnknownCollection_Throws404()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Collection("no-such-things").ListAsync().ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ErrorCode);
    }

    [Fact]
    public async Task CollectionListAsync_SubCollectionOfUnknownRequest_Throws404()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(
            () => Client.Collection("requests")["PR-9999-9999-9999-001"].Collection("nothing").ListAsync().ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ErrorCode);
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, ConnectJson.TypeInfo<T>());
}
