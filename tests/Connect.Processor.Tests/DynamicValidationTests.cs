using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Connect.Processor.Tests;

/// <summary>The dynamic validation endpoint served by the processor host on loopback.</summary>
public sealed class DynamicValidationTests
{
    [Fact]
    public async Task PostValidate_MissingAndInvalidParameters_ReturnsRequestWithValueErrors()
    {
        await using var env = await TestEnvironment.StartAsync();
        var (host, url) = await StartAsync(env);
        using (host)
        {
            var draft = await env.RequestAsync("PR-0001-0001-0002-001");
            draft["status"] = "draft";
            SetParam(draft, "tenant_domain", "Bad_Domain");
            using var http = new HttpClient();

            using var response = await http.PostAsJsonAsync(url, draft);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("This parameter is required.", TestEnvironment.Param(answer, "customer_email", "value_error"));
            Assert.StartsWith("Use 1-63 lowercase letters", TestEnvironment.Param(answer, "tenant_domain", "value_error"));
            Assert.Equal(string.Empty, TestEnvironment.Param(answer, "subscription_id", "value_error"));

            // Everything else comes back as sent.
            Assert.Equal(draft["id"]!.GetValue<string>(), answer["id"]!.GetValue<string>());
            Assert.Equal(draft["asset"]!["tiers"]!.ToJsonString(), answer["asset"]!["tiers"]!.ToJsonString());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task PostValidate_ValidDraft_ClearsValueErrors()
    {
        await using var env = await TestEnvironment.StartAsync();
        var (host, url) = await StartAsync(env);
        using (host)
        {
            var draft = await env.RequestAsync("PR-0001-0001-0010-001");
            Assert.NotEmpty(TestEnvironment.Param(draft, "customer_email", "value_error")!);
            SetParam(draft, "customer_email", "it@acme.example.com");
            using var http = new HttpClient();

            using var response = await http.PostAsJsonAsync(url, draft);

            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.All(answer["asset"]!["params"]!.AsArray(), p => Assert.Equal(string.Empty, p!["value_error"]!.GetValue<string>()));
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":\"PR-1\"}")]
    public async Task PostValidate_NotARequest_Returns400WithError(string body)
    {
        await using var env = await TestEnvironment.StartAsync();
        var (host, url) = await StartAsync(env);
        using (host)
        {
            using var http = new HttpClient();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");

            using var response = await http.PostAsync(url, content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task StartAsync_Enabled_ListensOnLoopbackOnly()
    {
        await using var env = await TestEnvironment.StartAsync();
        var (host, url) = await StartAsync(env);
        using (host)
        {
            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal("/validate", url.AbsolutePath);
            await host.StopAsync();
        }
    }

    private static async Task<(IHost Host, Uri Url)> StartAsync(TestEnvironment env)
    {
        // Continuous mode with a long interval: the host stays up while the endpoint is exercised.
        var host = env.ExampleHost(
            env.Settings(("mode", "Continuous"), ("intervalSeconds", "3600"), ("dynamicValidation:enabled", "true"), ("dynamicValidation:port", "0")),
            importVendor: false);
        await host.StartAsync();
        var url = await host.Services.GetRequiredService<DynamicValidationAddress>().WaitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (host, url);
    }

    private static void SetParam(JsonObject request, string id, string value)
    {
        var param = request["asset"]!["params"]!.AsArray().OfType<JsonObject>().Single(p => p["id"]!.GetValue<string>() == id);
        param["value"] = value;
    }
}
