using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor.Tests;

/// <summary>Several replicas against one account: every request is transitioned exactly once.</summary>
public sealed class ReplicaTests
{
    [Fact]
    public async Task RunOnce_TwoShardedReplicas_SplitTheWorkAndTransitionEachRequestOnce()
    {
        await using var env = await TestEnvironment.StartAsync();
        var ids = (await env.GenerateAsync(TestEnvironment.UsageProduct, 24)).Append("PR-0002-0001-0002-001").ToList();
        using var first = Replica(env, "0");
        using var second = Replica(env, "1");

        var reports = await Task.WhenAll(
            first.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync(),
            second.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync());

        Assert.All(reports, r => Assert.False(r.HasUnexpectedFailures, r.ToString()));
        var handled0 = reports[0].Requests.Select(r => r.Id).ToHashSet();
        var handled1 = reports[1].Requests.Select(r => r.Id).ToHashSet();
        Assert.Empty(handled0.Intersect(handled1));
        Assert.Equal(ids.Order(), handled0.Union(handled1).Order());
        Assert.NotEmpty(handled0);
        Assert.NotEmpty(handled1);
        Assert.All(handled0, id => Assert.Equal(0, RequestShard.Of(id, 2)));
        await AssertTransitionedOnceAsync(env, ids);
    }

    [Fact]
    public async Task RunOnce_TwoUnshardedReplicasRacing_LoserReportsAlreadyHandledNotFailure()
    {
        await using var env = await TestEnvironment.StartAsync();
        var ids = (await env.GenerateAsync(TestEnvironment.UsageProduct, 24)).Append("PR-0002-0001-0002-001").ToList();
        using var first = Replica(env, null);
        using var second = Replica(env, null);

        var reports = await Task.WhenAll(
            first.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync(),
            second.Services.GetRequiredService<ConnectProcessor>().RunOnceAsync());

        Assert.All(reports, r => Assert.False(r.HasUnexpectedFailures, string.Join("; ", r.Errors.Select(e => $"{e.Id}: {e.Message}"))));
        var approved = reports.SelectMany(r => r.Requests).Where(r => r.Outcome == AutomationOutcome.Approved).Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(), approved.Order());
        Assert.All(reports.SelectMany(r => r.Requests), r => Assert.Contains(r.Outcome, new[] { AutomationOutcome.Approved, AutomationOutcome.AlreadyHandled }));
        await AssertTransitionedOnceAsync(env, ids);
    }

    [Fact]
    public void ShardOwns_ManyIds_EveryIdHasExactlyOneOwner()
    {
        var shards = Enumerable.Range(0, 3).Select(i => new ShardOptions { Index = i, Count = 3 }).ToList();
        var ids = Enumerable.Range(1, 300).Select(n => $"PR-{n:0000}-0000-0000-001").ToList();

        foreach (var id in ids)
        {
            Assert.Single(shards, s => s.Owns(id));
        }

        Assert.All(shards, s => Assert.InRange(ids.Count(s.Owns), 60, 140));
    }

    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_KnownVectors_MatchTheReferenceHash(string text, uint expected) =>
        Assert.Equal(expected, RequestShard.Fnv1a(text));

    [Fact]
    public void Of_SameIdTwice_SameShardAndNotStringHashCode()
    {
        Assert.Equal(RequestShard.Of("PR-1234-5678-9012-001", 7), RequestShard.Of("PR-1234-5678-9012-001", 7));
        Assert.Equal((int)(RequestShard.Fnv1a("PR-1234-5678-9012-001") % 7), RequestShard.Of("PR-1234-5678-9012-001", 7));
    }

    private static Microsoft.Extensions.Hosting.IHost Replica(TestEnvironment env, string? shardIndex)
    {
        var settings = env.Settings(("products:0", TestEnvironment.UsageProduct), ("maxConcurrency", "3"));
        if (shardIndex is not null)
        {
            settings["shard:index"] = shardIndex;
            settings["shard:count"] = "2";
        }

        return TestEnvironment.PlainHost(settings, b => b.AddFulfillmentHandler<ApproveUsageHandler>(RequestType.Purchase));
    }

    private static async Task AssertTransitionedOnceAsync(TestEnvironment env, List<string> ids)
    {
        var audit = await env.AuditAsync();
        foreach (var id in ids)
        {
            var transitions = audit.Where(e => e["object_id"]!.GetValue<string>() == id && e["from"]?.GetValue<string>() == "pending").ToList();
            Assert.True(transitions.Count == 1, $"{id}: {transitions.Count} transitions");
            Assert.Equal("approved", transitions[0]["to"]!.GetValue<string>());
        }
    }
}
