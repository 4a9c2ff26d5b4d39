using System.Net;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class ConversationsAndProductsTests
{
    [Fact]
    public async Task GetByInstanceIdAsync_ListsByInstanceId()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("conversations_list.json"), "items 0-0/1");
        using var client = TestClients.Create(stub);

        var conversation = await client.Conversations.GetByInstanceIdAsync("PR-0064-1951-3417-001");

        Assert.NotNull(conversation);
        Assert.Equal("/public/v1/conversations?instance_id=PR-0064-1951-3417-001&limit=1&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task GetByInstanceIdAsync_None_ReturnsNull()
    {
        var stub = new StubHandler().ReplyJson("[]", "items 0-0/0");
        using var client = TestClients.Create(stub);

        Assert.Null(await client.Conversations.GetByInstanceIdAsync("PR-1"));
    }

    [Fact]
    public async Task AddMessageAsync_PostsText_Reads201()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.Created, SharedFiles.Fixture("conversation_message_created.json"));
        using var client = TestClients.Create(stub);

        var message = await client.Conversations.AddMessageAsync("CO-1", "hello");

        Assert.Equal("/public/v1/conversations/CO-1/messages", stub.Requests[0].PathAndQuery);
        Assert.Equal("""{"text":"hello"}""", stub.Requests[0].Body);
        Assert.NotNull(message.Id);
    }

    [Fact]
    public async Task ListMessagesAsync_PagesMessages()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("spec_v37_conversation_messages_list.json"), "items 0-0/1");
        using var client = TestClients.Create(stub);

        var messages = new List<ConversationMessage>();
        await foreach (var m in client.Conversations.ListMessagesAsync("CO-1"))
        {
            messages.Add(m);
        }

        Assert.Single(messages);
        Assert.Equal(ConversationMessageType.Message, messages[0].Type);
    }

    [Fact]
    public async Task ListTemplatesAsync_FiltersByScope()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("templates_list.json"), "items 0-6/7");
        using var client = TestClients.Create(stub);

        var templates = new List<Template>();
        await foreach (var t in client.Products.ListTemplatesAsync("PRD-1", new Query().Equal("scope", "asset")))
        {
            templates.Add(t);
        }

        Assert.Equal(7, templates.Count);
        Assert.Equal("/public/v1/products/PRD-1/templates?eq(scope,asset)&limit=100&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task ListParametersAsync_ListsProductParameters()
    {
        var stub = new StubHandler().ReplyJson("""[{"id":"p1","type":"text","constraints":{"required":true}}]""", "items 0-0/1");
        using var client = TestClients.Create(stub);

        await foreach (var p in client.Products.ListParametersAsync("PRD-1"))
        {
            Assert.True(p.Constraints!.Required);
        }

        Assert.Equal("/public/v1/products/PRD-1/parameters?limit=100&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Theory]
    [InlineData("# Sample Activation Template", "text/markdown", "# Sample Activation Template")]
    [InlineData("\"# Json string\\n\"", "application/json", "# Json string\n")]
    public async Task Templates_RenderAsync_ReturnsMarkdown(string body, string contentType, string expected)
    {
        var stub = new StubHandler().Reply(HttpStatusCode.OK, body, contentType);
        using var client = TestClients.Create(stub);

        var markdown = await client.Templates.RenderAsync("TL-1", "PR-1");

        Assert.Equal(expected, markdown);
        Assert.Equal("/public/v1/templates/TL-1/render?request_id=PR-1", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Assets_ListRequestsAsync_ListsAssetRequests()
    {
        var stub = new StubHandler().ReplyJson(SharedFiles.Fixture("asset_requests_list.json"), "items 0-0/1");
        using var client = TestClients.Create(stub);

        await foreach (var r in client.Assets.ListRequestsAsync("AS-1"))
        {
            Assert.NotNull(r.Id);
        }

        Assert.Equal("/public/v1/assets/AS-1/requests?limit=100&offset=0", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Collection_Generic_GetsListsAndPostsActions()
    {
        var stub = new StubHandler()
            .ReplyJson("""{"id":"X-1"}""")
            .ReplyJson("""[{"id":"X-1"}]""", "items 0-0/1")
            .ReplyJson("""{"ok":true}""")
            .ReplyJson("""{"id":"I-1"}""");
        using var client = TestClients.Create(stub);

        var one = await client.Collection("subscriptions/assets")["X-1"].GetAsync();
        var count = 0;
        await foreach (var unused in client.Ns("tier").Collection("configs").ListAsync(new Query().Equal("a", "b")))
        {
            count++;
        }

        var answer = await client.Collection("requests")["PR-1"].ActionAsync("approve", new JsonObject { ["template_id"] = "TL-1" });
        var created = await client.Collection("products")["PRD-1"].Collection("items").CreateAsync(new JsonObject { ["name"] = "n" });

        Assert.Equal("X-1", (string?)one["id"]);
        Assert.Equal(1, count);
        Assert.True((bool)answer!["ok"]!);
        Assert.Equal("I-1", (string?)created["id"]);
        Assert.Equal(
            ["/public/v1/subscriptions/assets/X-1", "/public/v1/tier/configs?eq(a,b)&limit=100&offset=0", "/public/v1/requests/PR-1/approve", "/public/v1/products/PRD-1/items"],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a?b")]
    public void Collection_InvalidName_Throws(string name)
    {
        using var client = TestClients.Create(new StubHandler());

        Assert.ThrowsAny<ArgumentException>(() => client.Collection(name));
    }

    [Fact]
    public async Task GetAsync_IdWithReservedCharacters_IsEscaped()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"a/b"}""");
        using var client = TestClients.Create(stub);

        await client.Products.GetAsync("a/b?c");

        Assert.Equal("/public/v1/products/a%2Fb%3Fc", stub.Requests[0].Uri.AbsolutePath);
    }
}
