using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests;

/// <summary>A real emulator on 127.0.0.1 (free port) with clients for the public and control APIs.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string Key = "ApiKey SU-000-000-000:emulator";

    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        Api = NewClient(host.BaseUrl, Key);
        Control = NewClient(host.ControlUrl, Key);
    }

    public EmulatorHost Host { get; }

    public HttpClient Api { get; }

    public HttpClient Control { get; }

    public static async Task<TestEmulator> StartAsync(string seed = "demo", string? dataPath = null)
    {
        var options = new EmulatorOptions { Port = 0, Seed = seed, DataPath = dataPath };
        return new TestEmulator(await EmulatorHost.StartAsync(options));
    }

    public static HttpClient NewClient(string baseUrl, string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Control.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>One HTTP answer, read eagerly.</summary>
internal sealed record Reply(HttpStatusCode Status, string? ContentType, string? ContentRange, string Text)
{
    public JsonNode Json => JsonNode.Parse(Text)!;

    public JsonArray Array => Json.AsArray();

    public string ErrorCode => Json["error_code"]!.GetValue<string>();

    public string FirstError => Json["errors"]![0]!.GetValue<string>();
}

internal static class HttpExtensions
{
    public static async Task<Reply> SendAsync(this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var range = response.Content.Headers.TryGetValues("Content-Range", out var values) ? values.Single()
            : response.Headers.TryGetValues("Content-Range", out var values2) ? values2.Single() : null;
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), range, text);
    }

    public static Task<Reply> FetchAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);

    public static Task<Reply> PostAsync(this HttpClient client, string path, string? json = null) => client.SendAsync(HttpMethod.Post, path, json);

    public static Task<Reply> PutAsync(this HttpClient client, string path, string json) => client.SendAsync(HttpMethod.Put, path, json);

    public static string Str(this JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonArray array && int.TryParse(segment, out var index) ? array[index] : node?[segment];
        }

        return node?.GetValue<string>() ?? throw new InvalidOperationException($"No string at {path}.");
    }

    public static JsonObject Param(this JsonNode request, string id) =>
        (request["asset"]?["params"] ?? request["params"])!.AsArray().OfType<JsonObject>().Single(p => p["id"]!.GetValue<string>() == id);
}
