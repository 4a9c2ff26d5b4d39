using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// The emulator's control API (<c>/emulator/v1</c>, docs/emulator.md "Control API") over HTTP: reset, seed, the
/// audit log and request generation. Works with an in-process emulator and with one started elsewhere.
/// </summary>
public sealed class EmulatorControl : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a control client.</summary>
    /// <param name="controlUrl">The control API base, e.g. <c>http://127.0.0.1:5000/emulator/v1</c>.</param>
    /// <param name="apiKey">An API key the emulator accepts.</param>
    public EmulatorControl(string controlUrl, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(controlUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = new HttpClient { BaseAddress = new Uri(controlUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
    }

    /// <summary>Deletes everything (documents, audit log, counters) and loads a seed: <c>POST /reset</c>.</summary>
    /// <param name="seed"><c>demo</c> or <c>none</c>; the emulator's start-up seed when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the emulator is reset.</returns>
    public async Task ResetAsync(string? seed = null, CancellationToken cancellationToken = default)
    {
        var body = seed is null ? new JsonObject() : new JsonObject { ["seed"] = seed };
        await SendAsync(HttpMethod.Post, "reset", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores built objects exactly as they are: <c>POST /seed</c>.</summary>
    /// <param name="seed">The objects.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once they are stored.</returns>
    public async Task SeedAsync(EmulatorSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.IsEmpty)
        {
            return;
        }

        var body = new JsonObject();
        Add(body, "assets", seed.Assets);
        Add(body, "requests", seed.Requests);
        Add(body, "tier_config_requests", seed.TierConfigRequests);
        Add(body, "usage_files", seed.UsageFiles);
        await SendAsync(HttpMethod.Post, "seed", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores fulfillment requests (and their assets) exactly as built.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>A task that completes once they are stored.</returns>
    public Task SeedAsync(params FulfillmentRequest[] requests)
    {
        var seed = new EmulatorSeed();
        foreach (var request in requests)
        {
            seed.Requests.Add(request);
        }

        return SeedAsync(seed);
    }

    /// <summary>Stores tier config requests (and their tier configs) exactly as built.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>A task that completes once they are stored.</returns>
    public Task SeedAsync(params TierConfigRequest[] requests)
    {
        var seed = new EmulatorSeed();
        foreach (var request in requests)
        {
            seed.TierConfigRequests.Add(request);
        }

        return SeedAsync(seed);
    }

    /// <summary>The audit log, oldest first: every status change of every object, or of one object.</summary>
    /// <param name="objectId">Only this object's entries; all when omitted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? objectId = null, CancellationToken cancellationToken = default)
    {
        const int Page = 1000;
        var entries = new List<AuditEntry>();
        for (var offset = 0; ; offset += Page)
        {
            var query = $"audit?limit={Page}&offset={offset.ToString(CultureInfo.InvariantCulture)}"
                + (objectId is null ? string.Empty : "&object_id=" + Uri.EscapeDataString(objectId));
            var page = (await SendAsync(HttpMethod.Get, query, null, cancellationToken).ConfigureAwait(false))!.AsArray();
            entries.AddRange(page.OfType<JsonObject>().Select(e => new AuditEntry(
                e["seq"]!.GetValue<long>(),
                (string)e["object_id"]!,
                (string)e["collection"]!,
                (string?)e["from"],
                (string)e["to"]!,
                (string)e["action"]!,
                (string)e["at"]!,
                (string?)e["api_key_id"])));
            if (page.Count < Page)
            {
                return [.. entries.OrderBy(e => e.Seq)];
            }
        }
    }

    /// <summary>Creates pending (or draft, or inquiring) purchases of a product in bulk: <c>POST /requests/generate</c>.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="count">How many (1 to 1,000,000).</param>
    /// <param name="status"><c>pending</c>, <c>draft</c> or <c>inquiring</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new request ids.</returns>
    public async Task<IReadOnlyList<string>> GenerateAsync(string productId, int count, string status = RequestStatus.Pending, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["product_id"] = productId, ["count"] = count, ["status"] = status };
        var answer = await SendAsync(HttpMethod.Post, "requests/generate", body, cancellationToken).ConfigureAwait(false);
        return [.. answer!["ids"]!.AsArray().Select(id => (string)id!)];
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static void Add<T>(JsonObject body, string key, IEnumerable<T> documents)
    {
        var list = new JsonArray();
        foreach (var document in documents)
        {
            list.Add(ConnectSerializer.SerializeToNode(document));
        }

        if (list.Count > 0)
        {
            body[key] = list;
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The emulator's control API answered {(int)response.StatusCode} to {method} /emulator/v1/{path}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
