using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Dashboard;

/// <summary>
/// The dashboard over plain HTTP: who may see it (the emulator's API key, entered once for a session cookie), how the
/// cookie is limited to the dashboard's own calls, the event stream, the OpenAPI document and the API reference.
/// </summary>
public sealed class DashboardHttpTests
{
    [Fact]
    public async Task Page_WithoutKey_IsUnauthorizedWithTheSignInFormReturningHere()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var response = await client.GetAsync("/ui/requests?status=pending");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/ui/login\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"return\" value=\"/ui/requests?status=pending\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PR-0001-0001-0001-001", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithWrongKey_IsUnauthorized()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey SU-000-000-000:wrong");

        using var response = await client.GetAsync("/ui/requests");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_WithApiKeyHeader_IsServedWithProtectiveHeaders()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        using var response = await client.GetAsync("/ui/requests");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("PR-0001-0001-0001-001", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongKey_IsRefusedWithoutSession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var response = await SignInAsync(client, "ApiKey SU-000-000-000:wrong", "/ui/assets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithKey_SetsStrictHttpOnlyCookieThatOpensPages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var signIn = await SignInAsync(client, TestEmulator.Key, "/ui/assets?status=active");

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/ui/assets?status=active", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SU-000-000-000", cookie, StringComparison.Ordinal);
        using var page = await GetWithCookieAsync(client, "/ui/assets?status=active", cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/ui/x")]
    [InlineData("http://evil.example/ui")]
    [InlineData("/public/v1/requests")]
    public async Task SignIn_WithForeignReturnAddress_GoesToRequestsInstead(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var signIn = await SignInAsync(client, TestEmulator.Key, target);

        Assert.Equal("/ui/requests", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ApiCall_WithSessionCookie_NeedsTheDashboardHeader()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        var cookie = (await SignInAsync(client, TestEmulator.Key, "/ui/requests")).Headers.GetValues("Set-Cookie").Single();
        var body = """{"product_id":"PRD-100-200-300","params":[]}""";

        // A cross-site form could send the cookie, but never a custom header: the cookie alone authorizes nothing.
        using var bare = await client.SendAsync(Post("/emulator/v1/requests", body, cookie, dashboardHeader: false));
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);

        using var marked = await client.SendAsync(Post("/emulator/v1/requests", body, cookie, dashboardHeader: true));
        Assert.Equal(HttpStatusCode.Created, marked.StatusCode);
        var created = (await marked.Content.ReadFromJsonAsync<JsonObject>())!;
        var audit = await emulator.Control.GetFromJsonAsync<JsonArray>($"audit?object_id={created["id"]}");
        Assert.Equal("SU-000-000-000", audit![0]!["api_key_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        var cookie = (await SignInAsync(client, TestEmulator.Key, "/ui/requests")).Headers.GetValues("Set-Cookie").Single();

        using var signOut = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/ui/logout") { Headers = { { "Cookie", cookie.Split(';')[0] } } });
        using var page = await GetWithCookieAsync(client, "/ui/requests", cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task DetailPage_StoreTextWithMarkup_IsEncoded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject
        {
            ["product_id"] = "PRD-100-200-300",
            ["params"] = new JsonArray(new JsonObject { ["id"] = "customer_email", ["value"] = "<script>alert(1)</script>" }),
        };
        using var created = await emulator.Control.PostAsJsonAsync("requests", body);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        var html = await client.GetStringAsync($"/ui/requests/{id}");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_UnknownObject_IsNotFoundError()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        using var response = await client.GetAsync("/ui/requests/PR-9999-9999-9999-999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_AfterAWrite_SendsChange()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var stream = await client.GetAsync("/ui/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        var hello = await ReadEventAsync(reader, timeout.Token);
        Assert.Equal("hello", hello.Event);

        using var write = await emulator.Api.PostAsync("requests/PR-0001-0001-0001-001/inquire", new StringContent("{}", Encoding.UTF8, "application/json"), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        var change = await ReadEventAsync(reader, timeout.Token);

        Assert.Equal("change", change.Event);
        Assert.True(long.Parse(change.Data, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(hello.Data, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Stop_WithEventStreamOpen_EndsPromptly()
    {
        var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);
        using var stream = await client.GetAsync("/ui/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("hello", (await ReadEventAsync(reader, CancellationToken.None)).Event);

        // Without the stream ending on shutdown, a graceful stop would wait for the client for its whole timeout.
        var stop = emulator.DisposeAsync().AsTask();
        var finished = await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(stop, finished);
        await stop;
    }

    [Fact]
    public async Task OpenApi_DescribesPublicAndControlRoutesButNoPages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        var document = (await client.GetFromJsonAsync<JsonObject>("/ui/openapi/v1.json"))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/public/v1/requests/{id}", paths);
        Assert.Contains("/public/v1/usage/files/{id}/upload", paths);
        Assert.Contains("/emulator/v1/requests", paths);
        Assert.Contains("/emulator/v1/faults", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/ui", StringComparison.Ordinal));
        Assert.Equal("apiKey", document["components"]!["securitySchemes"]!["ApiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("Authorization", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("Control API", document["paths"]!["/emulator/v1/requests"]!["post"]!["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_WithoutKey_IsUnauthorized()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var response = await client.GetAsync("/ui/openapi/v1.json", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiReference_IsServedWithItsScriptFromTheEmulator()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        using var bare = await client.GetAsync("/ui/reference");
        Assert.Equal("/ui/reference/v1", bare.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/ui/reference/v1");
        using var script = await client.GetAsync("/ui/reference/scalar.js");

        Assert.Contains("ui/openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Pages_WhileEveryCallIsFaulted_StillAnswer()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var faults = await emulator.Control.PutAsync("faults", new StringContent(
            """{"rules":[{"route":"/**","kind":"error","status":503,"errorRate":1}]}""", Encoding.UTF8, "application/json"));
        Assert.True(faults.IsSuccessStatusCode, await faults.Content.ReadAsStringAsync());
        using var client = Browserless(emulator);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", TestEmulator.Key);

        using var api = await emulator.Api.GetAsync("requests");
        using var page = await client.GetAsync("/ui/requests");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task StaticAssets_AreServedWithoutKey()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = Browserless(emulator);

        using var script = await client.GetAsync("/ui/static/app.js");
        using var missing = await client.GetAsync("/ui/static/other.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static HttpClient Browserless(TestEmulator emulator)
    {
        var origin = new Uri(emulator.Host.DashboardUrl).GetLeftPart(UriPartial.Authority);
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(origin) };
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string target) =>
        client.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["return"] = target }));

    private static HttpRequestMessage Post(string path, string body, string cookie, bool dashboardHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        if (dashboardHeader)
        {
            request.Headers.Add("X-Connect-Dashboard", "1");
        }

        return request;
    }

    private static Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string path, string setCookie) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", setCookie.Split(';')[0] } } });

    private static async Task<(string Event, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        var data = string.Empty;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, data);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
