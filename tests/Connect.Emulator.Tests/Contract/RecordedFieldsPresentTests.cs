using System.Net;
using System.Text.Json.Nodes;
using Connect.Emulator.Tests.UsageApi;
using Xunit.Abstractions;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Each recorded Connect response in <c>contract/fixtures</c> against the emulator's answers for the same kind of
/// object: every field path of the recording (<c>$.asset.items[].params[].id</c>) must occur in at least one answer.
/// </summary>
public sealed class RecordedFieldsPresentTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Fixtures that are not recorded responses: request bodies, an error catalogue, and the <c>spec_v37_*</c> examples
    /// written out of the OpenAPI document (contract/README.md; the schema tests cover the document).
    /// </summary>
    private static readonly string[] NotResponses =
    [
        "request_create_purchase_body.json", "tier_config_request_create_body.json", "spec_v37_create_message_bodies.json",
        "errors_seen_in_sdk_tests.json", "spec_v37_conversation.json", "spec_v37_conversation_messages_list.json",
    ];

    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Fixtures_EveryRecordedFieldPath_IsInTheEmulatorsAnswers()
    {
        var answers = await AnswersAsync();
        var fixtures = Directory.GetFiles(ContractFilesFolder(), "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(f => !NotResponses.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        var compared = 0;
        foreach (var fixture in fixtures)
        {
            Assert.True(answers.TryGetValue(fixture, out var documents), $"{fixture}: no emulator answer is mapped to this recording");
            var recorded = FieldPaths(SharedFiles.LoadFixture(fixture));
            var served = documents.SelectMany(FieldPaths).ToHashSet(StringComparer.Ordinal);
            compared += recorded.Count;
            missing.AddRange(recorded.Where(p => !served.Contains(p)).Select(p => $"{fixture}: {p}"));
        }

        output.WriteLine($"{fixtures.Count} recordings, {compared} field paths compared, {missing.Count} missing");
        Assert.True(missing.Count == 0, $"{missing.Count} of {compared} recorded field paths missing:\n" + string.Join("\n", missing));
        Assert.True(compared > 1000, $"only {compared} field paths compared");
    }

    [Fact]
    public void FieldPaths_NestedDocument_ListsEveryPathOnce()
    {
        var paths = FieldPaths(JsonNode.Parse("""[{"a":{"b":[{"c":1},{"d":null}]},"e":[]}]""")!);

        Assert.Equal(["$.a", "$.a.b", "$.a.b[].c", "$.a.b[].d", "$.e"], paths.Order(StringComparer.Ordinal));
    }

    /// <summary>The field paths of a document; a top-level list contributes the paths of its elements.</summary>
    private static HashSet<string> FieldPaths(JsonNode document)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string at)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        paths.Add($"{at}.{name}");
                        Walk(value, $"{at}.{name}");
                    }

                    break;
                case JsonArray array:
                    foreach (var element in array)
                    {
                        Walk(element, at + "[]");
                    }

                    break;
            }
        }

        if (document is JsonArray list)
        {
            foreach (var element in list)
            {
                Walk(element, "$");
            }
        }
        else
        {
            Walk(document, "$");
        }

        return paths;
    }

    private static string ContractFilesFolder() => Path.GetDirectoryName(SharedFiles.Fixture("asset.json"))!;

    /// <summary>For each recording, the emulator's answers for the same kind of object (every one the demo data holds).</summary>
    private async Task<Dictionary<string, List<JsonNode>>> AnswersAsync()
    {
        async Task<List<JsonNode>> Each(string list, Func<string, string> single)
        {
            var result = new List<JsonNode>();
            foreach (var element in (await Fetch(list + "?limit=1000")).AsArray())
            {
                result.Add(await Fetch(single(element!.Str("id"))));
            }

            return result;
        }

        async Task<JsonNode> Fetch(string path)
        {
            var reply = await _emulator.Api.FetchAsync(path);
            Assert.True(reply.Status == HttpStatusCode.OK, $"GET {path}: {(int)reply.Status} {reply.Text}");
            return reply.Json;
        }

        var draft = await _emulator.Api.PostAsync("usage/files",
            $$"""{"name":"draft","period":{"from":"2026-01-01","to":"2026-01-31"},"currency":"EUR","product":{"id":"{{Demo.UsageProduct}}"},"contract":{"id":"{{UsageFiles.UsageContract}}"},"external_id":"ext-draft"}""");
        Assert.Equal(HttpStatusCode.Created, draft.Status);
        var accepted = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{accepted}/submit");
        await _emulator.Api.PostAsync($"usage/files/{accepted}/accept", """{"acceptance_note":"ok"}""");
        var closed = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{closed}/submit");
        await _emulator.Api.PostAsync($"usage/files/{closed}/accept", """{"acceptance_note":"ok"}""");
        await _emulator.Api.PostAsync($"usage/files/{closed}/close");
        var first = (await Fetch("conversations?limit=1")).AsArray()[0]!;
        var message = await _emulator.Api.PostAsync($"conversations/{first.Str("id")}/messages", """{"text":"Any news?"}""");
        Assert.Equal(HttpStatusCode.Created, message.Status);
        var conversations = await Each("conversations", id => $"conversations/{id}");

        var requests = await Each("requests", id => $"requests/{id}");
        var tierRequests = await Each("tier/config-requests", id => $"tier/config-requests/{id}");
        var templates = await Each($"products/{Demo.TierProduct}/templates", id => $"products/{Demo.TierProduct}/templates/{id}");
        var assetRequests = new List<JsonNode>();
        foreach (var asset in (await Fetch("assets?limit=1000")).AsArray())
        {
            assetRequests.Add(await Fetch($"assets/{asset!.Str("id")}/requests"));
        }

        return new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal)
        {
            ["asset.json"] = await Each("assets", id => $"assets/{id}"),
            ["asset_requests_list.json"] = assetRequests,
            ["conversation_message_created.json"] = [message.Json],
            ["conversation_with_messages.json"] = conversations,
            ["conversations_list.json"] = [await Fetch("conversations")],
            ["listings.json"] = [await Fetch("listings")],
            ["marketplace.json"] = await Each("marketplaces", id => $"marketplaces/{id}"),
            ["product.json"] = await Each("products", id => $"products/{id}"),
            ["request_purchase.json"] = requests,
            ["request_purchase_approved.json"] = requests,
            ["request_purchase_item_params.json"] = requests,
            ["template.json"] = templates,
            ["templates_list.json"] = [await Fetch($"products/{Demo.TierProduct}/templates")],
            ["tier_config_request.json"] = tierRequests,
            ["tier_config_request_approved.json"] = tierRequests,
            ["usage_file.json"] = await Each("usage/files", id => $"usage/files/{id}"),
            ["usage_file_created_draft.json"] = [draft.Json],
        };
    }
}
