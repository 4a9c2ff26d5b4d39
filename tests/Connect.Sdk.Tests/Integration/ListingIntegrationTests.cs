using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>Listing, RQL, pagination and counting against the emulator's parser and <c>Content-Range</c>.</summary>
public sealed class ListingIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListAsync_QueryEqualAndIn_ReturnsOnlyMatchingRequests()
    {
        var query = new Query().Equal("status", RequestStatus.Pending).In("asset.product.id", Demo.TierProduct, "PRD-000-000-000");

        var requests = await Client.Requests.ListAsync(query).ToListAsync();

        Assert.Equal(6, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(RequestStatus.Pending, r.Status);
            Assert.Equal(Demo.TierProduct, r.Asset!.Product!.Id);
        });
    }

    [Fact]
    public async Task ListAsync_RExpressionWithOrAndNot_MatchesSameSetAsServerCount()
    {
        var expression = R.Field("asset.product.id").In(Demo.TierProduct)
            & (R.Field("status").Eq(RequestStatus.TiersSetup) | R.Field("status").Eq(RequestStatus.Inquiring))
            & !R.Field("id").Eq(Demo.TiersSetupFabrikam);

        var ids = await Client.Requests.ListAsync(new Query(expression)).Select(r => r.Id).ToListAsync();

        Assert.Equal([Demo.TiersSetupContoso, Demo.TiersSetupContoso2, Demo.Inquiring], ids.Order(StringComparer.Ordinal));
        Assert.Equal(3, await Client.Requests.CountAsync(new Query(expression)));
    }

    [Fact]
    public async Task ListAsync_LikeAndILikeWithSpaces_AreQuotedAndMatched()
    {
        var like = await Client.Products.ListAsync(new Query().Like("name", "Demo Cloud*")).Select(p => p.Id).ToListAsync();
        var ilike = await Client.Products.ListAsync(new Query().ILike("name", "*cloud STORAGE*")).Select(p => p.Id).ToListAsync();
        var caseSensitiveMiss = await Client.Products.ListAsync(new Query().Like("name", "*cloud STORAGE*")).ToListAsync();

        Assert.Equal([Demo.TierProduct], like);
        Assert.Equal([Demo.TierProduct], ilike);
        Assert.Empty(caseSensitiveMiss);
    }

    [Fact]
    public async Task ListAsync_ValueWithSpacesCommasAndParentheses_RoundTripsThroughTheParser()
    {
        const string note = "Smith, Jones & Co (EU) \"quoted\"";
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [], note);

        var byNote = await Client.Requests.ListAsync(new Query().Equal("note", note)).ToListAsync();
        var byIn = await Client.Requests.ListAsync(new Query(R.Field("note").In(note, "other, value"))).ToListAsync();

        var found = Assert.Single(byNote);
        Assert.Equal(Demo.CompletePending, found.Id);
        Assert.Equal(note, found.Note);
        Assert.Equal(Demo.CompletePending, Assert.Single(byIn).Id);
    }

    [Fact]
    public async Task ListAsync_CustomerNameWithSpace_MatchesNestedPath()
    {
        var requests = await Client.Requests.ListAsync(new Query().Equal("asset.tiers.customer.name", "Acme Corp")).ToListAsync();

        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal(Demo.Acme, r.Asset!.Tiers!.Customer!.Id));
    }

    [Fact]
    public async Task ListAsync_OrderingDescending_SortsById()
    {
        var query = new Query().Equal("asset.product.id", Demo.TierProduct).Ordering("-id");

        var ids = await Client.Requests.ListAsync(query).Select(r => r.Id!).ToListAsync();

        Assert.True(ids.Count > 2);
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task ListAsync_SelectMinusField_RemovesItFromDocuments()
    {
        var query = new Query().Equal("id", Demo.Approved).Select("-asset.params", "-activation_key");
        var full = await Client.Requests.GetAsync(Demo.Approved);

        var trimmed = Assert.Single(await Client.Requests.ListAsync(query).ToListAsync());

        Assert.NotNull(full.Asset!.Params);
        Assert.Null(trimmed.Asset!.Params);
        Assert.Null(trimmed.ActivationKey);
        Assert.Equal(full.Asset.Id, trimmed.Asset.Id);
    }

    [Fact]
    public async Task ListAsync_250GeneratedRequests_WalksThreePagesWithoutDuplicates()
    {
        var generated = await emulator.GenerateAsync(Demo.PpuProduct, 250);
        Assert.Equal(250, generated.Count);
        var query = new Query().Equal("asset.product.id", Demo.PpuProduct).Equal("status", RequestStatus.Pending).Limit(100);
        var expected = generated.Append("PR-0002-0001-0002-001").ToHashSet(StringComparer.Ordinal);

        var ids = await Client.Requests.ListAsync(query).Select(r => r.Id!).ToListAsync();
        var pages = await Client.Requests.ListPagesAsync(query).ToListAsync();

        Assert.Equal(251, ids.Count);
        Assert.Equal(expected, ids.ToHashSet(StringComparer.Ordinal));
        Assert.Equal([100, 100, 51], pages.Select(p => p.Items.Count));
        Assert.Equal([0L, 100L, 200L], pages.Select(p => p.Offset));
        Assert.All(pages, p => Assert.Equal(251L, p.Total));
        Assert.Equal(251, await Client.Requests.CountAsync(query));
    }

    [Fact]
    public async Task ListAsync_StartOffset_SkipsLeadingDocuments()
    {
        await emulator.GenerateAsync(Demo.PpuProduct, 30);
        var baseQuery = new Query().Equal("asset.product.id", Demo.PpuProduct).Ordering("id");

        var all = await Client.Requests.ListAsync(baseQuery.Clone().Limit(7)).Select(r => r.Id).ToListAsync();
        var fromTen = await Client.Requests.ListAsync(baseQuery.Clone().Limit(7).Offset(10)).Select(r => r.Id).ToListAsync();

        Assert.Equal(all.Skip(10), fromTen);
    }

    [Fact]
    public async Task CountAsync_Filters_ReadsTotalFromContentRange()
    {
        Assert.Equal(17, await Client.Requests.CountAsync());
        Assert.Equal(3, await Client.Requests.CountAsync(new Query().Equal("status", RequestStatus.TiersSetup)));
        Assert.Equal(0, await Client.Requests.CountAsync(new Query().Equal("status", "no-such-status")));
    }

    [Fact]
    public async Task FirstOrDefaultAsync_OrderedQuery_ReturnsFirstOrNull()
    {
        var first = await Client.Requests.FirstOrDefaultAsync(new Query().Equal("status", RequestStatus.TiersSetup).Ordering("-id"));
        var none = await Client.Requests.FirstOrDefaultAsync(new Query().Equal("status", "no-such-status"));

        Assert.Equal(Demo.TiersSetupFabrikam, first!.Id);
        Assert.Null(none);
    }

    [Fact]
    public async Task ListPagesAsync_EmptyResult_YieldsOneEmptyPageWithZeroTotal()
    {
        var pages = await Client.Requests.ListPagesAsync(new Query().Equal("status", "no-such-status")).ToListAsync();

        var page = Assert.Single(pages);
        Assert.Empty(page.Items);
        Assert.Equal(0L, page.Total);
    }

    [Fact]
    public async Task ListAsync_NotEqualOutAndNumericComparison_MatchServerSide()
    {
        var all = await Client.Requests.ListAsync().ToListAsync();

        var notPending = await Client.Requests.CountAsync(new Query().NotEqual("status", RequestStatus.Pending));
        var outPendingApproved = await Client.Requests.CountAsync(new Query().Out("status", RequestStatus.Pending, RequestStatus.Approved));
        var sinceDate = await Client.Requests.CountAsync(new Query().GreaterEqual("created", new DateOnly(2026, 1, 5)));

        Assert.Equal(all.Count(r => r.Status != RequestStatus.Pending), notPending);
        Assert.Equal(all.Count(r => r.Status is not (RequestStatus.Pending or RequestStatus.Approved)), outPendingApproved);
        Assert.Equal(all.Count, sinceDate);
    }

    [Fact]
    public async Task ListAsync_NullAndEmptyConstants_AreUnderstood()
    {
        var withActivation = await Client.Requests.CountAsync(new Query(R.Field("activation_key").Null(false) & R.Field("activation_key").Empty(false)));
        var approved = await Client.Requests.CountAsync(new Query().Equal("status", RequestStatus.Approved));

        Assert.InRange(withActivation, 1, approved);
    }
}
