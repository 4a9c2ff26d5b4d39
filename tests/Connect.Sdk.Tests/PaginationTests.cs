using System.Net;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class PaginationTests
{
    private static string Products(int from, int count) =>
        "[" + string.Join(",", Enumerable.Range(from, count).Select(i => $$"""{"id":"PRD-{{i}}"}""")) + "]";

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task ListAsync_ThreePages_FollowsOffsetsUntilTotal()
    {
        var stub = new StubHandler()
            .ReplyJson(Products(0, 2), "items 0-1/5")
            .ReplyJson(Products(2, 2), "items 2-3/5")
            .ReplyJson(Products(4, 1), "items 4-4/5");
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal(5, all.Count);
        Assert.Equal("PRD-4", all[4].Id);
        Assert.Equal(
            ["/public/v1/products?limit=2&offset=0", "/public/v1/products?limit=2&offset=2", "/public/v1/products?limit=2&offset=4"],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListAsync_ExactTotalOnFullPage_StopsWithoutExtraCall()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/4").ReplyJson(Products(2, 2), "items 2-3/4");
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal(4, all.Count);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ListAsync_EmptyResult_OneCall()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        Assert.Empty(await All(client.Products.ListAsync()));
        Assert.Equal("/public/v1/products?limit=100&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task ListAsync_EmptyPageBeforeTotal_Stops()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/10").ReplyJson("[]", "items 2-2/10");
        var options = TestClients.Options();
        options.PrefetchNextPage = false;
        using var client = TestClients.Create(stub, options);

        Assert.Equal(2, (await All(client.Products.ListAsync(new Query().Limit(2)))).Count);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ListAsync_EmptyPageBeforeTotal_WithPrefetch_StopsAndDropsTheSpeculativeRequest()
    {
        // The empty page still announces more, so a third page is requested ahead; it is dropped, never listed.
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/10").ReplyJson("[]", "items 2-2/10").ReplyJson(Products(9, 2), "items 3-4/10");
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal<string>(["PRD-0", "PRD-1"], all.Select(p => p.Id!));
    }

    [Fact]
    public async Task ListAsync_PageShorterThanAnnounced_RequestsTheRightOffsetNext()
    {
        // Content-Range announces 2 items but the page has 1: the prefetch (offset 2) is dropped and offset 1 requested.
        var stub = new StubHandler()
            .ReplyJson(Products(0, 1), "items 0-1/3")
            .ReplyJson(Products(50, 2), "items 2-2/3")
            .ReplyJson(Products(1, 2), "items 1-2/3");
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal<string>(["PRD-0", "PRD-1", "PRD-2"], all.Select(p => p.Id!));
        Assert.EndsWith("offset=1", stub.Requests[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_MissingContentRange_StopsAtFirstShortPage()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2)).ReplyJson(Products(2, 1));
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal(3, all.Count);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task ListAsync_WithQuery_CompilesFilterBeforePaging_AndKeepsCallerQuery()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);
        var query = new Query().In("asset.product.id", "PRD-1", "PRD-2").Equal("status", "pending").Ordering("-created").Offset(10);

        await All(client.Requests.ListAsync(query));

        Assert.Equal("/public/v1/requests?in(asset.product.id,(PRD-1,PRD-2))&eq(status,pending)&ordering(-created)&limit=100&offset=10", stub.Requests[0].PathAndQuery);
        Assert.Null(query.LimitValue);
        Assert.Equal("in(asset.product.id,(PRD-1,PRD-2))&eq(status,pending)&ordering(-created)&offset=10", query.Compile());
    }

    [Fact]
    public async Task CountAsync_UsesLimitZero_ReadsTotal()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/1234");
        using var client = TestClients.Create(stub);

        Assert.Equal(1234, await client.Requests.CountAsync(new Query().Equal("status", "pending")));
        Assert.Equal("/public/v1/requests?eq(status,pending)&limit=0&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task CountAsync_EmptySet_ReturnsZero()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        Assert.Equal(0, await client.Requests.CountAsync());
    }

    [Fact]
    public async Task CountAsync_NoContentRange_CountsByWalking()
    {
        var stub = new StubHandler().ReplyJson("[]").ReplyJson(Products(0, 3));
        using var client = TestClients.Create(stub);

        Assert.Equal(3, await client.Products.CountAsync());
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task FirstOrDefaultAsync_UsesLimitOne()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 1), "items 0-0/9").ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        Assert.Equal("PRD-0", (await client.Products.FirstOrDefaultAsync())!.Id);
        Assert.Null(await client.Products.FirstOrDefaultAsync(new Query().Equal("name", "none")));
        Assert.Equal("/public/v1/products?limit=1&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task ListAsync_OnlyFirstPageConsumed_WithoutPrefetch_FetchesOnlyOnePage()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/100");
        var options = TestClients.Options();
        options.PrefetchNextPage = false;
        using var client = TestClients.Create(stub, options);

        await foreach (var product in client.Products.ListAsync(new Query().Limit(2)))
        {
            Assert.Equal("PRD-0", product.Id);
            break;
        }

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ListAsync_OnlyFirstPageConsumed_PrefetchesOneMorePageAndIgnoresItsFailure()
    {
        // The second page fails, but the caller stopped on the first: the prefetch's error is not theirs.
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/100").Reply(HttpStatusCode.BadRequest, """{"error_code":"X","errors":["y"]}""");
        using var client = TestClients.Create(stub);

        await foreach (var product in client.Products.ListAsync(new Query().Limit(2)))
        {
            Assert.Equal("PRD-0", product.Id);
            break;
        }

        Assert.Equal(2, stub.Requests.Count);
        Assert.EndsWith("limit=2&offset=2", stub.Requests[1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Prefetch_RequestsNextPageBeforeCurrentIsConsumed()
    {
        var stub = new StubHandler()
            .ReplyJson(Products(0, 2), "items 0-1/5")
            .ReplyJson(Products(2, 2), "items 2-3/5")
            .ReplyJson(Products(4, 1), "items 4-4/5");
        using var client = TestClients.Create(stub);
        var requestsAtFirstItem = 0;

        await foreach (var product in client.Products.ListAsync(new Query().Limit(2)))
        {
            if (product.Id == "PRD-0")
            {
                // The second page was requested before the first was handed out; wait (bounded) for it to arrive.
                for (var i = 0; i < 400 && stub.Requests.Count < 2; i++)
                {
                    await Task.Delay(5);
                }

                requestsAtFirstItem = stub.Requests.Count;
            }
        }

        Assert.Equal(2, requestsAtFirstItem);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(["offset=0", "offset=2", "offset=4"], stub.Requests.Select(r => r.PathAndQuery[(r.PathAndQuery.LastIndexOf('&') + 1)..]).ToArray());
    }

    [Fact]
    public async Task ListAsync_Prefetch_CancellationWhileConsuming_StopsWithoutUnobservedErrors()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/100").ReplyJson(Products(2, 2), "items 2-3/100");
        using var client = TestClients.Create(stub);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var product in client.Products.ListAsync(new Query().Limit(2), cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.True(stub.Requests.Count <= 2);
    }

    [Fact]
    public async Task ListAsync_ConnectionLostWhileBodyStreams_AsksForThePageAgain()
    {
        var stub = new StubHandler()
            .Reply(HttpStatusCode.OK, configure: r => r.Content = CutOffContent(Products(0, 2), "items 0-1/2"))
            .ReplyJson(Products(0, 2), "items 0-1/2");
        using var client = TestClients.Create(stub);

        var all = await All(client.Products.ListAsync(new Query().Limit(2)));

        Assert.Equal<string>(["PRD-0", "PRD-1"], all.Select(p => p.Id!));
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].PathAndQuery, stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task ListAsync_ConnectionLostWhileBodyStreams_WithoutRetries_ThrowsTransportFailure()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.OK, configure: r => r.Content = CutOffContent(Products(0, 2), "items 0-1/2"));
        using var client = TestClients.Create(stub, TestClients.Options(maxRetries: 0));

        var ex = await Assert.ThrowsAsync<ConnectException>(() => All(client.Products.ListAsync(new Query().Limit(2))));

        Assert.True(ex.IsTransportFailure);
        Assert.IsType<IOException>(ex.InnerException);
    }

    /// <summary>A JSON body whose stream fails halfway, as when the connection drops mid-transfer.</summary>
    private static StreamContent CutOffContent(string json, string contentRange)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var content = new StreamContent(new CutOffStream(bytes[..(bytes.Length / 2)]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        return content;
    }

    private sealed class CutOffStream(byte[] head) : MemoryStream(head)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("The connection was reset while the body was being read.");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The connection was reset while the body was being read.");
        }
    }

    [Fact]
    public async Task ListAsync_ErrorOnSecondPage_Throws()
    {
        var stub = new StubHandler().ReplyJson(Products(0, 2), "items 0-1/4").Reply(HttpStatusCode.BadRequest, """{"error_code":"X","errors":["y"]}""");
        using var client = TestClients.Create(stub);

        await Assert.ThrowsAsync<ConnectApiException>(() => All(client.Products.ListAsync(new Query().Limit(2))));
    }

    [Theory]
    [InlineData("items 0-99/250", 0, 99, 250)]
    [InlineData("items 0-0/0", 0, 0, 0)]
    public void ContentRange_Parse_ReadsNumbers(string header, long first, long last, long total)
    {
        using var response = new HttpResponseMessage { Content = new StringContent("[]") };
        response.Content.Headers.TryAddWithoutValidation("Content-Range", header);

        Assert.Equal(new ContentRange(first, last, total), ContentRange.Parse(response));
    }

    [Theory]
    [InlineData("items */250")]
    [InlineData("garbage")]
    public void ContentRange_ParseMalformed_ReturnsNull(string header)
    {
        using var response = new HttpResponseMessage { Content = new StringContent("[]") };
        response.Content.Headers.TryAddWithoutValidation("Content-Range", header);

        Assert.Null(ContentRange.Parse(response));
    }
}
