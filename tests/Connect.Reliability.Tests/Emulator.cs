using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Emulator;

namespace Connect.Reliability.Tests;

/// <summary>Control-API helpers over a running emulator (generate, audit, faults).</summary>
internal sealed class Control : IDisposable
{
    private readonly HttpClient _http;

    public Control(string controlUrl, string apiKey)
    {
        _http = new HttpClient { BaseAddress = new Uri(controlUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
    }

    public Control(EmulatorHost host)
        : this(host.ControlUrl, host.ApiKey)
    {
    }

    public void Dispose() => _http.Dispose();

    public async Task<IReadOnlyList<string>> GenerateAsync(string productId, int count)
    {
        using var response = await _http.PostAsync("requests/generate", JsonContent.Create(new JsonObject { ["product_id"] = productId, ["count"] = count }));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["ids"]!.AsArray().Select(n => n!.GetValue<string>())];
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        var all = new List<AuditEntry>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = JsonNode.Parse(await _http.GetStringAsync($"audit?limit=1000&offset={offset}"))!.AsArray();
            all.AddRange(page.Select(e => new AuditEntry(
                e!["seq"]!.GetValue<long>(), e["object_id"]!.GetValue<string>(), e["collection"]!.GetValue<string>(),
                e["from"]?.GetValue<string>(), e["to"]?.GetValue<string>(), e["action"]!.GetValue<string>())));
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }

    public async Task SetFaultsAsync(JsonNode body)
    {
        using var response = await _http.PutAsync("faults", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
    }

    public async Task<JsonNode> GetFaultsAsync() => JsonNode.Parse(await _http.GetStringAsync("faults"))!;

    public async Task ClearFaultsAsync()
    {
        using var response = await _http.DeleteAsync("faults");
        response.EnsureSuccessStatusCode();
    }
}

internal sealed record AuditEntry(long Seq, string ObjectId, string Collection, string? From, string? To, string Action);

internal static class Checks
{
    /// <summary>
    /// Asserts that each id has exactly one request transition to approved in the audit and returns (approvals, duplicates, lost).
    /// </summary>
    public static (int Approvals, int Duplicates, int Lost) AssertApprovedOnce(IReadOnlyList<AuditEntry> audit, IReadOnlyCollection<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        var approvals = audit
            .Where(e => e.Collection == "requests" && e.To == "approved" && set.Contains(e.ObjectId))
            .GroupBy(e => e.ObjectId)
            .ToDictionary(g => g.Key, g => g.Count());
        var duplicates = approvals.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        var lost = ids.Where(id => !approvals.ContainsKey(id)).ToList();
        Assert.True(duplicates.Count == 0, "approved more than once: " + string.Join(", ", duplicates.Take(10)));
        Assert.True(lost.Count == 0, "never approved: " + string.Join(", ", lost.Take(10)));
        return (approvals.Values.Sum(), duplicates.Count, lost.Count);
    }

    public static int Size(int ci, int full) =>
        Environment.GetEnvironmentVariable("CONNECT_RELIABILITY_FULL") == "1" ? full : ci;

    /// <summary>~20% faults of every kind on the approve route, and on the request reads and parameter updates.</summary>
    public static JsonNode ChaosFaults(int seed) => JsonNode.Parse($$"""
        {"seed": {{seed}}, "rules": [
          {"route": "/public/v1/**", "kind": "latency", "errorRate": 0.2, "latencyMs": 2, "jitterMs": 8},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "error", "errorRate": 0.04, "status": 500},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "error", "errorRate": 0.04, "status": 502},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "error", "errorRate": 0.04, "status": 503},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "throttle", "errorRate": 0.02, "retryAfterSeconds": 1},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "reset", "errorRate": 0.03},
          {"route": "/public/v1/requests/*/approve", "method": "POST", "kind": "failAfterCommit", "errorRate": 0.04},
          {"route": "^/public/v1/requests(/[^/]+)?$", "method": "GET", "kind": "error", "errorRate": 0.06, "status": 503},
          {"route": "^/public/v1/requests(/[^/]+)?$", "method": "GET", "kind": "error", "errorRate": 0.04, "status": 500},
          {"route": "^/public/v1/requests(/[^/]+)?$", "method": "GET", "kind": "error", "errorRate": 0.03, "status": 502},
          {"route": "^/public/v1/requests(/[^/]+)?$", "method": "GET", "kind": "throttle", "errorRate": 0.01, "retryAfterSeconds": 1},
          {"route": "^/public/v1/requests(/[^/]+)?$", "method": "GET", "kind": "reset", "errorRate": 0.03},
          {"route": "/public/v1/requests/*", "method": "PUT", "kind": "error", "errorRate": 0.05, "status": 503},
          {"route": "/public/v1/requests/*", "method": "PUT", "kind": "failAfterCommit", "errorRate": 0.05},
          {"route": "/public/v1/requests/*", "method": "PUT", "kind": "reset", "errorRate": 0.05}
        ]}
        """)!;

    /// <summary>One line of figures for docs/reliability.md, written to the test output.</summary>
    public static string FaultSummary(JsonNode faults) =>
        $"injected {faults["injected"]!.ToJsonString()}, total {faults["total"]}";
}
