using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class PersistenceAndConcurrencyTests
{
    [Fact]
    public async Task Restart_WithDataFile_KeepsStateCountersAndAudit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-{Guid.NewGuid():N}.db");
        try
        {
            string createdId;
            await using (var first = await TestEmulator.StartAsync(dataPath: path))
            {
                await first.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"subscription_id","value":"KEEP"}]}}""");
                await first.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");
                createdId = (await first.Control.PostAsync("requests", $$"""{"type":"purchase","product_id":"{{Demo.UsageProduct}}"}""")).Json.Str("id");
            }

            await using var second = await TestEmulator.StartAsync(dataPath: path);
            var request = await second.Api.FetchAsync($"requests/{Demo.PendingPurchase}");
            var another = await second.Control.PostAsync("requests", $$"""{"type":"purchase","product_id":"{{Demo.UsageProduct}}"}""");
            var audit = await second.Control.FetchAsync($"audit?object_id={Demo.PendingPurchase}");
            var conversation = await second.Api.FetchAsync($"conversations/{Demo.PendingPurchase}/messages");

            Assert.Equal("approved", request.Json.Str("status"));
            Assert.Equal("KEEP", request.Json.Param("subscription_id").Str("value"));
            Assert.Equal("active", (await second.Api.FetchAsync($"assets/{Demo.PendingPurchaseAsset}")).Json.Str("status"));
            Assert.Equal(HttpStatusCode.OK, (await second.Api.FetchAsync($"requests/{createdId}")).Status);
            Assert.NotEqual(createdId, another.Json.Str("id"));
            Assert.Equal($"items 0-0/{Demo.RequestCount + 2}", (await second.Api.FetchAsync("requests?limit=0")).ContentRange);
            Assert.Equal(["create", "approve"], audit.Array.Select(e => e.Str("action")));
            Assert.Equal(2, conversation.Array.Count);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Approve_ParallelOnOneRequest_ExactlyOneSucceeds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"subscription_id","value":"S"}]}}""");
        var body = $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""";

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", body))));

        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(11, replies.Count(r => r.Status == HttpStatusCode.BadRequest && r.ErrorCode == "REQ_001"));
        var audit = await emulator.Control.FetchAsync($"audit?object_id={Demo.PendingPurchase}");
        Assert.Single(audit.Array, e => e.Str("action") == "approve");
    }

    [Fact]
    public async Task Put_ParallelOnDifferentParameters_LosesNoUpdate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";
        var updates = new[]
        {
            """{"asset":{"params":[{"id":"subscription_id","value":"A"}]}}""",
            """{"asset":{"params":[{"id":"param_b","value":"B"}]}}""",
            """{"asset":{"params":[{"id":"customer_email","value_error":"C"}]}}""",
            """{"note":"D"}""",
        };

        var replies = await Task.WhenAll(updates.Select(u => Task.Run(() => emulator.Api.PutAsync(path, u))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var request = (await emulator.Api.FetchAsync(path)).Json;
        Assert.Equal("A", request.Param("subscription_id").Str("value"));
        Assert.Equal("B", request.Param("param_b").Str("value"));
        Assert.Equal("C", request.Param("customer_email").Str("value_error"));
        Assert.Equal("D", request.Str("note"));
    }

    [Fact]
    public async Task StartAsync_DemoSeed_IsDeterministic()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();

        foreach (var path in new[] { "requests", "tier/config-requests", "conversations", "assets" })
        {
            Assert.Equal((await first.Api.FetchAsync(path)).Text, (await second.Api.FetchAsync(path)).Text);
        }
    }
}
