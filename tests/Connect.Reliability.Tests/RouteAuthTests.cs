using System.Net;
using System.Reflection;
using System.Text;
using Connect.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

public sealed class RouteAuthTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryRoute_MissingOrWrongKey_Answers401WithoutStackTrace()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        var routes = Routes(emulator);
        output.WriteLine($"{routes.Count} route/method pairs");
        Assert.True(routes.Count >= 60, "the route table looks incomplete: " + routes.Count);
        Assert.Contains(routes, r => r.Method == "POST" && r.Pattern == "/public/v1/requests/{id}/{action}");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/emulator/v1/", StringComparison.Ordinal));

        var origin = new Uri(emulator.BaseUrl).GetLeftPart(UriPartial.Authority);
        using var http = new HttpClient();
        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var path = Substitute(pattern);
            foreach (var key in new[] { null, "ApiKey SU-000-000-000:wrong", "ApiKey SU-999-999-999:emulator", "garbage" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), origin + path);
                if (key is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", key);
                }

                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Unauthorized || HasStackTrace(body))
                {
                    failures.Add($"{method} {path} key={key ?? "(none)"}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Errors_WithTheRightKey_CarryNoStackTrace()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        var calls = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Post, "/requests", "{not json"),
            (HttpMethod.Post, "/requests", "[1,2,3]"),
            (HttpMethod.Post, "/requests", """{"type":"purchase","asset":{"product":{"id":"PRD-NOPE"}}}"""),
            (HttpMethod.Post, "/requests/PR-0001-0001-0001-001/approve", """{"template_id":123}"""),
            (HttpMethod.Put, "/requests/PR-0001-0001-0001-001", """{"asset":{"params":[{"id":"no_such_param","value":"v"}]}}"""),
            (HttpMethod.Get, "/requests/PR-NOPE", null),
            (HttpMethod.Get, "/no/such/route", null),
            (HttpMethod.Post, "/usage/files", "\u0000\u0001"),
            (HttpMethod.Get, "/requests?eq(", null),
        };
        foreach (var (method, path, body) in calls)
        {
            using var request = new HttpRequestMessage(method, emulator.BaseUrl + path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 160)]}");
            Assert.InRange((int)response.StatusCode, 400, 499);
            Assert.False(HasStackTrace(text), text);
        }
    }

    [Fact]
    public async Task RequestBodies_OverTheCap_AreRefusedWith413()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", MaxUploadBytes = 64 * 1024 });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
        var big = "{\"note\":\"" + new string('x', 200 * 1024) + "\"}";

        using (var response = await http.PutAsync(emulator.BaseUrl + "/requests/PR-0001-0001-0001-001", new StringContent(big, Encoding.UTF8, "application/json")))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            Assert.False(HasStackTrace(text), text);
        }

        using var create = await http.PostAsync(emulator.BaseUrl + "/usage/files", new StringContent(
            """{"name":"big","period":{"from":"2026-01-01","to":"2026-01-31"},"product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}""",
            Encoding.UTF8, "application/json"));
        create.EnsureSuccessStatusCode();
        var id = System.Text.Json.Nodes.JsonNode.Parse(await create.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[200 * 1024]), "usage_file", "usage.xlsx" } };
        using var upload = await http.PostAsync(emulator.BaseUrl + $"/usage/files/{id}/upload", content);
        var uploadText = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)upload.StatusCode} {uploadText}");
        Assert.False(HasStackTrace(uploadText), uploadText);

        // Still serving.
        using var after = await http.GetAsync(emulator.BaseUrl + "/requests?limit=1");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>Every (method, route pattern) of the emulator, read from its <see cref="EndpointDataSource"/>.</summary>
    internal static List<(string Method, string Pattern)> Routes(EmulatorHost emulator)
    {
        var field = typeof(EmulatorHost).GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Single(f => f.FieldType == typeof(WebApplication));
        var app = (WebApplication)field.GetValue(emulator)!;
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal)];
    }

    private static string Substitute(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", m => m.Value switch
        {
            "{action}" => "approve",
            "{productId}" => "PRD-100-200-300",
            _ => m.Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? "PR-0001-0001-0001-001" : "x1",
        });

    private static bool HasStackTrace(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal);
}
