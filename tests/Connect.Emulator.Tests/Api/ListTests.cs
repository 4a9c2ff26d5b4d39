using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class ListTests
{
    [Theory]
    [InlineData("requests?limit=3", 3, "items 0-2/17")]
    [InlineData("requests?limit=5&offset=15", 2, "items 15-16/17")]
    [InlineData("requests?limit=5&offset=5", 5, "items 5-9/17")]
    [InlineData("requests?offset=100", 0, "items 100-100/17")]
    [InlineData("requests?limit=0", 0, "items 0-0/17")]
    [InlineData("requests?limit=0&offset=7", 0, "items 0-0/17")]
    [InlineData("requests?limit=abc", 17, "items 0-16/17")]
    [InlineData("requests?limit=-4", 17, "items 0-16/17")]
    [InlineData("requests?offset=xyz&limit=2", 2, "items 0-1/17")]
    [InlineData("requests", 17, "items 0-16/17")]
    public async Task List_Paging_ContentRangeFollowsDjangoRql(string path, int count, string range)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(count, reply.Array.Count);
        Assert.Equal(range, reply.ContentRange);
    }

    [Fact]
    public async Task List_OffsetPages_AreDisjointAndCoverEverything()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var seen = new List<string>();

        for (var offset = 0; offset < Demo.RequestCount; offset += 4)
        {
            var page = await emulator.Api.FetchAsync($"requests?limit=4&offset={offset}");
            seen.AddRange(page.Array.Select(r => r.Str("id")));
        }

        Assert.Equal(Demo.RequestCount, seen.Count);
        Assert.Equal(Demo.RequestCount, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_LimitAboveMaximum_IsClampedTo1000()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":1100}""");

        var reply = await emulator.Api.FetchAsync("requests?limit=5000");

        Assert.Equal(1000, reply.Array.Count);
        Assert.Equal($"items 0-999/{1100 + Demo.RequestCount}", reply.ContentRange);
    }

    [Fact]
    public async Task List_KeyValueFilter_SelectsMatchingDocuments()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("requests?status=tiers_setup&asset.product.id=" + Demo.TierProduct);

        Assert.Equal("items 0-2/3", reply.ContentRange);
        Assert.All(reply.Array, r => Assert.Equal("tiers_setup", r.Str("status")));
    }

    [Fact]
    public async Task List_LegacyDoubleUnderscoreFilter_IsADottedPath()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("requests?asset__id=" + Demo.PendingPurchaseAsset);

        Assert.Equal(Demo.PendingPurchase, Assert.Single(reply.Array).Str("id"));
    }

    [Fact]
    public async Task List_QueryThatDoesNotParse_Answers400Rql001WithPosition()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("requests?eq(status,pending");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("RQL_001", reply.ErrorCode);
        Assert.Contains("at position", reply.FirstError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests")]
    [InlineData("requests/")]
    [InlineData("assets/")]
    [InlineData("tier/config-requests/")]
    [InlineData("products/PRD-100-200-300/templates/")]
    public async Task List_BothTrailingSlashForms_AnswerJsonWithContentRange(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.StartsWith("items 0-", reply.ContentRange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EmptyCollection_AnswersEmptyPageRange()
    {
        await using var emulator = await TestEmulator.StartAsync(seed: "none");

        var reply = await emulator.Api.FetchAsync("requests");

        Assert.Empty(reply.Array);
        Assert.Equal("items 0-0/0", reply.ContentRange);
    }

    [Fact]
    public async Task List_AfterWrite_CachedResultIsInvalidated()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = await emulator.Api.FetchAsync("requests?status=approved&limit=0");
        await emulator.Api.PutAsync($"requests/{Demo.PendingChange}", "{}");

        await emulator.Api.PostAsync($"requests/{Demo.PendingChange}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");
        var after = await emulator.Api.FetchAsync("requests?status=approved&limit=0");

        Assert.Equal("items 0-0/6", before.ContentRange);
        Assert.Equal("items 0-0/7", after.ContentRange);
    }
}
