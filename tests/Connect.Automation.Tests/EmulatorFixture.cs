using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Emulator;
using Connect.Sdk;

namespace Connect.Automation.Tests;

/// <summary>One real emulator per test class, on 127.0.0.1 and a free port; each test resets it to the demo seed.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string TierProduct = "PRD-100-200-300";
    public const string UsageProduct = "PRD-400-500-600";
    public const string ActivationTemplate = "TL-100-200-301";
    public const string TierTemplate = "TL-100-200-302";
    public const string InquireTemplate = "TL-100-200-303";

    private EmulatorHost? _host;

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public HttpClient Control { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        Control = new HttpClient { BaseAddress = new Uri(_host.ControlUrl + "/") };
        Control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", _host.ApiKey);
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public ConnectClient NewClient(params string[] products) => new(new ConnectClientOptions
    {
        Endpoint = Host.BaseUrl,
        ApiKey = Host.ApiKey,
        Products = [.. products],
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
    });

    public async Task ResetAsync()
    {
        using var response = await Control.PostAsync("reset", JsonContent.Create(new JsonObject()));
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<string>> GenerateAsync(string productId, int count)
    {
        using var response = await Control.PostAsync("requests/generate", JsonContent.Create(new JsonObject { ["product_id"] = productId, ["count"] = count }));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["ids"]!.AsArray().Select(n => n!.GetValue<string>())];
    }

    /// <summary>Every audit entry (all pages).</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string? objectId = null)
    {
        var all = new List<AuditEntry>();
        for (var offset = 0; ; offset += 1000)
        {
            var url = $"audit?limit=1000&offset={offset}" + (objectId is null ? string.Empty : "&object_id=" + Uri.EscapeDataString(objectId));
            var page = JsonNode.Parse(await Control.GetStringAsync(url))!.AsArray();
            all.AddRange(page.Select(e => new AuditEntry(
                e!["object_id"]!.GetValue<string>(), e["collection"]!.GetValue<string>(), e["from"]?.GetValue<string>(),
                e["to"]?.GetValue<string>(), e["action"]!.GetValue<string>())));
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }
}

public sealed record AuditEntry(string ObjectId, string Collection, string? From, string? To, string Action);
