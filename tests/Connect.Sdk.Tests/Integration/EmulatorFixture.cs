using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator;

namespace Connect.Sdk.Tests.Integration;

/// <summary>
/// One in-process emulator (demo seed, loopback, port 0) per test class, and a <see cref="ConnectClient"/> that
/// talks to it. Tests that change state call <see cref="ResetAsync"/> first so they do not depend on order.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    /// <summary>The key the emulator accepts; its secret part is distinctive so leak checks cannot match by accident.</summary>
    public const string ApiKey = "ApiKey SU-000-000-001:int-test-secret-7f3a9c";

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("The emulator is not started.");

    public ConnectClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Port = 0, Seed = "demo" };
        options.ApiKeys.Add(ApiKey);
        _host = await EmulatorHost.StartAsync(options);
        Assert.Equal(ApiKey, _host.ApiKey);
        Assert.StartsWith("http://127.0.0.1:", _host.BaseUrl, StringComparison.Ordinal);
        Client = CreateClient(_host.ApiKey);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client for the emulator with the given key (fast retries so an error test never waits long).</summary>
    public ConnectClient CreateClient(string apiKey) => new(new ConnectClientOptions
    {
        Endpoint = Host.BaseUrl,
        ApiKey = apiKey,
        MaxRetries = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(60),
    });

    /// <summary><c>POST {ControlUrl}/reset</c>: back to the demo data.</summary>
    public async Task ResetAsync()
    {
        using var control = CreateControlClient();
        using var response = await control.PostAsync(new Uri(Host.ControlUrl + "/reset"), null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Posts JSON to the control API and returns the parsed answer.</summary>
    public async Task<JsonNode> ControlPostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var control = CreateControlClient();
        using var response = await control.PostAsync(new Uri(Host.ControlUrl + "/" + path), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"control POST {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private HttpClient CreateControlClient()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Host.ApiKey);
        return http;
    }

    /// <summary>Generates <paramref name="count"/> requests for a product and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(string productId, int count, string status = "pending")
    {
        var answer = await ControlPostAsync("requests/generate", $$"""{"product_id":"{{productId}}","count":{{count}},"status":"{{status}}"}""");
        return answer["ids"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
    }

    /// <summary>Creates a preview subscription (short form) and returns the new request's id.</summary>
    public async Task<string> CreatePurchaseAsync(string json)
    {
        var answer = await ControlPostAsync("requests", json);
        return answer["id"]!.GetValue<string>();
    }
}
