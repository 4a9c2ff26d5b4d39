using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class ConversationTests
{
    [Fact]
    public async Task Get_ByInstanceIdAndById_ReturnTheSameConversationWithMessages()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var byInstance = await emulator.Api.FetchAsync($"conversations/{Demo.PendingPurchase}");
        var byId = await emulator.Api.FetchAsync($"conversations/{byInstance.Json.Str("id")}");

        Assert.Equal(HttpStatusCode.OK, byInstance.Status);
        Assert.StartsWith("CO-", byInstance.Json.Str("id"), StringComparison.Ordinal);
        Assert.Equal($"Fulfillment Request <{Demo.PendingPurchase}>", byInstance.Json.Str("topic"));
        Assert.Equal(byInstance.Text, byId.Text);
        Assert.Equal("state_change", byInstance.Json["messages"]![0].Str("type"));
        Assert.Equal("VA-610-138", byInstance.Json.Str("accounts.0.id"));
        Assert.Equal("open", byInstance.Json.Str("status"));
    }

    [Fact]
    public async Task Approve_AppendsStateChangeMessage()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"subscription_id","value":"S"}]}}""");

        await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");

        var messages = await emulator.Api.FetchAsync($"conversations/{Demo.PendingPurchase}/messages");
        var last = messages.Array[^1]!;
        Assert.Equal("state_change", last.Str("type"));
        Assert.Contains("pending to approved", last.Str("text"), StringComparison.Ordinal);
        Assert.Null(last["creator"]);
    }

    [Fact]
    public async Task List_ByInstanceId_FindsOneConversationWithoutMessages()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"conversations?instance_id={Demo.PendingChange}");

        var conversation = Assert.Single(reply.Array)!;
        Assert.Equal(Demo.PendingChange, conversation.Str("instance_id"));
        Assert.Null(conversation["messages"]);
        Assert.Equal("items 0-0/1", reply.ContentRange);
    }

    [Fact]
    public async Task PostMessage_ByInstanceId_Answers201AndAppends()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var created = await emulator.Api.PostAsync($"conversations/{Demo.PendingPurchase}/messages", """{"text":"Working on it"}""");
        var messages = await emulator.Api.FetchAsync($"conversations/{Demo.PendingPurchase}/messages");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.StartsWith("ME-", created.Json.Str("id"), StringComparison.Ordinal);
        Assert.Equal("message", created.Json.Str("type"));
        Assert.Equal("SU-000-000-000", created.Json.Str("creator.id"));
        Assert.Equal("Working on it", messages.Array[^1].Str("text"));
    }

    [Fact]
    public async Task Close_ThenPostMessage_Answers400Cnv001()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var closed = await emulator.Api.PostAsync($"conversations/{Demo.PendingPurchase}/close", "{}");
        var reply = await emulator.Api.PostAsync($"conversations/{Demo.PendingPurchase}/messages", """{"text":"late"}""");

        Assert.Equal("closed", closed.Json.Str("status"));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("CNV_001", reply.ErrorCode);
    }

    [Fact]
    public async Task PostMessage_WithoutText_Answers400()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PostAsync($"conversations/{Demo.PendingPurchase}/messages", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    [Fact]
    public async Task Get_GeneratedRequestConversation_IsCreatedOnFirstUse()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var generated = await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"{{Demo.UsageProduct}}","count":2}""");
        var id = generated.Json.Str("ids.0");

        var reply = await emulator.Api.FetchAsync($"conversations/{id}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Contains("State set to pending", reply.Json["messages"]![0].Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownConversation_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("conversations/CO-000-000-000");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }
}
