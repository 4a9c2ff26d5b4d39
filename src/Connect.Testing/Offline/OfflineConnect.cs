using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// A Connect API held in memory for unit tests: a <see cref="ConnectClient"/> whose calls never leave the process.
/// It serves the objects the test gives it (requests, tier config requests, tier configs, assets, rendered
/// templates), applies parameter updates and conversation messages to them, and records every call. A call it does
/// not serve answers <c>404</c> with a message that names the call, and is recorded like the others.
/// </summary>
public sealed partial class OfflineConnect : IDisposable
{
    /// <summary>The endpoint the offline client is configured with (nothing listens there).</summary>
    public const string Endpoint = "https://connect.offline.test/public/v1";

    internal const string ApiKey = "ApiKey SU-000-000-000:offline-7c1d9e";

    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly Dictionary<string, JsonObject> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _tierConfigRequests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _assets = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _tierConfigs = [];
    private readonly List<JsonObject> _templates = [];
    private readonly Dictionary<string, string> _renders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _conversations = new(StringComparer.Ordinal);

    /// <summary>Creates an empty offline API.</summary>
    public OfflineConnect()
    {
        Client = new ConnectClient(
            new ConnectClientOptions { Endpoint = Endpoint, ApiKey = OfflineConnect.ApiKey, MaxRetries = 0 },
            new HttpClient(new Handler(this)) { Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>A client of this offline API.</summary>
    public ConnectClient Client { get; }

    /// <summary>Every call made so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Serves a fulfillment request (and its asset) by id.</summary>
    /// <param name="request">The request.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect Add(FulfillmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Node(request, request.Id);
        lock (_gate)
        {
            _requests[request.Id!] = document;
            if (document["asset"] is JsonObject asset && (string?)asset["id"] is { } assetId && !_assets.ContainsKey(assetId))
            {
                _assets[assetId] = (JsonObject)asset.DeepClone();
            }
        }

        return this;
    }

    /// <summary>Serves a tier config request by id.</summary>
    /// <param name="request">The tier config request.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect Add(TierConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Node(request, request.Id);
        lock (_gate)
        {
            _tierConfigRequests[request.Id!] = document;
        }

        return this;
    }

    /// <summary>Serves a tier config (found by id, or by account and product as <c>get_tier_config</c> looks it up).</summary>
    /// <param name="tierConfig">The tier config.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect Add(TierConfig tierConfig)
    {
        ArgumentNullException.ThrowIfNull(tierConfig);
        var document = Node(tierConfig, tierConfig.Id);
        lock (_gate)
        {
            _tierConfigs.RemoveAll(t => (string?)t["id"] == tierConfig.Id);
            _tierConfigs.Add(document);
        }

        return this;
    }

    /// <summary>Serves an asset by id.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect Add(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var document = Node(asset, asset.Id);
        lock (_gate)
        {
            _assets[asset.Id!] = document;
        }

        return this;
    }

    /// <summary>Serves a product template (<c>GET /products/{id}/templates</c>, filtered by name, scope and type as the processor looks templates up).</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="templateId">The template id (<c>TL-...</c>).</param>
    /// <param name="name">The template name.</param>
    /// <param name="scope"><c>asset</c>, <c>tier1</c> or <c>tier2</c>.</param>
    /// <param name="type"><c>fulfillment</c> or <c>inquire</c>.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect AddTemplate(string productId, string templateId, string name, string scope = "asset", string type = "fulfillment")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            _templates.RemoveAll(t => (string?)t["id"] == templateId);
            _templates.Add(new JsonObject
            {
                ["id"] = templateId,
                ["name"] = name,
                ["title"] = name,
                ["scope"] = scope,
                ["type"] = type,
                ["product"] = new JsonObject { ["id"] = productId },
            });
        }

        return this;
    }

    /// <summary>True when a template of this product is served.</summary>
    /// <param name="productId">The product id.</param>
    /// <returns>Whether any template was added for it.</returns>
    public bool HasTemplates(string productId)
    {
        lock (_gate)
        {
            return _templates.Any(t => (string?)t["product"]!["id"] == productId);
        }
    }

    /// <summary>Sets what rendering a template answers (<c>GET /templates/{id}/render</c>); the template name when not set.</summary>
    /// <param name="templateId">The template id.</param>
    /// <param name="markdown">The rendered Markdown.</param>
    /// <returns>This instance.</returns>
    public OfflineConnect RenderTemplate(string templateId, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        lock (_gate)
        {
            _renders[templateId] = markdown;
        }

        return this;
    }

    /// <summary>The request as it is now (after the parameter updates the handler made).</summary>
    /// <param name="id">The request id.</param>
    /// <returns>A copy of the request.</returns>
    /// <exception cref="KeyNotFoundException">No request with that id was added.</exception>
    public FulfillmentRequest Request(string id)
    {
        lock (_gate)
        {
            return ConnectSerializer.Deserialize<FulfillmentRequest>(_requests[id].ToJsonString());
        }
    }

    /// <summary>The tier config request as it is now.</summary>
    /// <param name="id">The request id.</param>
    /// <returns>A copy of the request.</returns>
    /// <exception cref="KeyNotFoundException">No tier config request with that id was added.</exception>
    public TierConfigRequest TierConfigRequest(string id)
    {
        lock (_gate)
        {
            return ConnectSerializer.Deserialize<TierConfigRequest>(_tierConfigRequests[id].ToJsonString());
        }
    }

    /// <summary>The messages posted to the conversation of a request or tier config request, oldest first.</summary>
    /// <param name="objectId">The request id.</param>
    /// <returns>The texts.</returns>
    public IReadOnlyList<string> Messages(string objectId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(objectId, out var conversation)
                ? [.. conversation["messages"]!.AsArray().Select(m => (string?)m!["text"] ?? string.Empty)]
                : [];
        }
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    private static JsonObject Node<T>(T model, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("The object needs an id to be served.", nameof(model));
        }

        return ConnectSerializer.SerializeToNode(model)!.AsObject();
    }

    private (HttpStatusCode Status, JsonNode? Body, string? Text) Serve(string method, string path, string query, JsonNode? body)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (_gate)
        {
            switch (method, segments)
            {
                case ("GET", ["requests", var id]) when _requests.TryGetValue(id, out var request):
                    return Ok(request);
                case ("PUT", ["requests", var id]) when _requests.TryGetValue(id, out var request):
                    Merge(request["asset"]?["params"] as JsonArray, body?["asset"]?["params"] as JsonArray);
                    if (body?["note"] is JsonValue note)
                    {
                        request["note"] = note.DeepClone();
                    }

                    return Ok(request);
                case ("GET", ["tier", "config-requests", var id]) when _tierConfigRequests.TryGetValue(id, out var tcr):
                    return Ok(tcr);
                case ("PUT", ["tier", "config-requests", var id]) when _tierConfigRequests.TryGetValue(id, out var tcr):
                    Merge(tcr["params"] as JsonArray, body?["params"] as JsonArray);
                    return Ok(tcr);
                case ("GET", ["tier", "configs", var id]) when _tierConfigs.Find(t => (string?)t["id"] == id) is { } config:
                    return Ok(config);
                case ("GET", ["tier", "configs"]):
                    return List(_tierConfigs.Where(t => Matches(t, query)));
                case ("GET", ["products", var productId, "templates"]):
                    return List(_templates.Where(t => (string?)t["product"]!["id"] == productId && Matches(t, query) && MatchesPlain(t, query)));
                case ("GET", ["assets", var id]) when _assets.TryGetValue(id, out var asset):
                    return Ok(asset);
                case ("GET", ["templates", var templateId, "render"]):
                    return (HttpStatusCode.OK, null, _renders.TryGetValue(templateId, out var markdown) ? markdown : "# " + templateId);
                case ("GET", ["conversations"]) when InstanceId(query) is { } instance && Conversation(instance) is { } conversation:
                    return List([Summary(conversation)]);
                case ("GET", ["conversations", var id, "messages"]) when ConversationById(id) is { } conversation:
                    return List(conversation["messages"]!.AsArray().OfType<JsonObject>());
                case ("POST", ["conversations", var id, "messages"]) when ConversationById(id) is { } conversation:
                    var messages = conversation["messages"]!.AsArray();
                    var message = new JsonObject
                    {
                        ["id"] = $"ME-{messages.Count + 1:000}",
                        ["conversation"] = id,
                        ["text"] = (string?)body?["text"] ?? string.Empty,
                        ["type"] = (string?)body?["type"] ?? "message",
                    };
                    messages.Add(message);
                    return (HttpStatusCode.Created, message.DeepClone(), null);
                default:
                    return (HttpStatusCode.NotFound, new JsonObject
                    {
                        ["error_code"] = "NOT_FOUND",
                        ["errors"] = new JsonArray($"The offline Connect API does not serve {method} /{path}: add the object it needs (OfflineConnect.Add) or use the emulator."),
                    }, null);
            }
        }
    }

    private JsonObject? Conversation(string instanceId)
    {
        if (_conversations.TryGetValue(instanceId, out var existing))
        {
            return existing;
        }

        if (!_requests.ContainsKey(instanceId) && !_tierConfigRequests.ContainsKey(instanceId))
        {
            return null;
        }

        var conversation = new JsonObject { ["id"] = "CO-" + instanceId, ["instance_id"] = instanceId, ["messages"] = new JsonArray() };
        _conversations[instanceId] = conversation;
        return conversation;
    }

    private JsonObject? ConversationById(string id) =>
        id.StartsWith("CO-", StringComparison.Ordinal) ? Conversation(id[3..]) : null;

    private static JsonObject Summary(JsonObject conversation) => new()
    {
        ["id"] = conversation["id"]!.DeepClone(),
        ["instance_id"] = conversation["instance_id"]!.DeepClone(),
    };

    private static void Merge(JsonArray? current, JsonArray? changes)
    {
        if (current is null || changes is null)
        {
            return;
        }

        foreach (var change in changes.OfType<JsonObject>())
        {
            var id = (string?)change["id"];
            var param = current.OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == id);
            if (param is null)
            {
                continue;
            }

            foreach (var field in new[] { "value", "value_error", "structured_value" })
            {
                if (change.TryGetPropertyValue(field, out var value))
                {
                    param[field] = value?.DeepClone();
                }
            }
        }
    }

    private static string? InstanceId(string query) =>
        InstanceIdPattern().Match(query) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

    // Filters the client sends for tier configs: eq(account.id,TA-...) and eq(product.id,PRD-...).
    private static bool Matches(JsonObject document, string query)
    {
        foreach (Match m in EqPattern().Matches(Uri.UnescapeDataString(query)))
        {
            JsonNode? node = document;
            foreach (var part in m.Groups[1].Value.Split('.'))
            {
                node = node?[part];
            }

            var expected = m.Groups[2].Value;
            if (expected.Length >= 2 && expected[0] is '"' or '\'' && expected[^1] == expected[0])
            {
                expected = expected[1..^1];
            }

            if ((string?)node != expected)
            {
                return false;
            }
        }

        return true;
    }

    // key=value filters (name=..., scope=..., type=...) on top-level fields.
    private static bool MatchesPlain(JsonObject document, string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] is "name" or "scope" or "type" && (string?)document[parts[0]] != Uri.UnescapeDataString(parts[1]))
            {
                return false;
            }
        }

        return true;
    }

    private static (HttpStatusCode, JsonNode?, string?) Ok(JsonObject document) => (HttpStatusCode.OK, document.DeepClone(), null);

    private static (HttpStatusCode, JsonNode?, string?) List(IEnumerable<JsonObject> documents) =>
        (HttpStatusCode.OK, new JsonArray([.. documents.Select(d => (JsonNode)d.DeepClone())]), null);

    [GeneratedRegex(@"(?:^|&)instance_id=([^&]+)")]
    private static partial Regex InstanceIdPattern();

    [GeneratedRegex(@"eq\(([A-Za-z0-9_.]+),([^)]*)\)")]
    private static partial Regex EqPattern();

    private sealed class Handler(OfflineConnect api) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var basePath = new Uri(Endpoint).AbsolutePath.TrimEnd('/') + "/";
            var path = uri.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal) ? uri.AbsolutePath[basePath.Length..] : uri.AbsolutePath.TrimStart('/');
            var query = uri.Query.TrimStart('?');
            var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            lock (api._gate)
            {
                api._calls.Add(new RecordedCall(request.Method.Method, path, query, text));
            }

            var body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
            var (status, json, markdown) = api.Serve(request.Method.Method, path, query, body);
            var response = new HttpResponseMessage(status) { RequestMessage = request };
            if (markdown is not null)
            {
                response.Content = new StringContent(markdown, Encoding.UTF8, "text/markdown");
            }
            else
            {
                response.Content = new StringContent(json?.ToJsonString() ?? string.Empty, Encoding.UTF8, "application/json");
                if (json is JsonArray list)
                {
                    response.Content.Headers.TryAddWithoutValidation("Content-Range", list.Count == 0 ? "items 0-0/0" : $"items 0-{list.Count - 1}/{list.Count}");
                }
            }

            return response;
        }
    }
}
