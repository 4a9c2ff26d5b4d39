using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Connect.Emulator;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

/// <summary>
/// The README's main job as a user runs it: <c>samples/ExampleProcessor</c> as its own process, pointed at an emulator
/// by <c>CONNECT_API_URL</c>/<c>CONNECT_API_KEY</c>, run again and again against the same (persistent) store.
/// </summary>
public sealed class ExampleProcessorRunTests(ITestOutputHelper output)
{
    private const string Product = "PRD-100-200-300";

    [Fact]
    public async Task ExampleProcessor_RerunAgainstTheSamePersistentEmulator_ApprovesEveryNewPurchase()
    {
        var dir = Directory.CreateTempSubdirectory("connect-example-rerun-");
        try
        {
            var data = Path.Combine(dir.FullName, "connect.db");
            var approved = new List<string>();
            for (var run = 1; run <= 3; run++)
            {
                // A fresh emulator process on the same file each time, as `--data file.db` keeps it between runs.
                await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = data });
                using var control = new HttpClient { BaseAddress = new Uri(emulator.ControlUrl + "/") };
                control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.ApiKey);
                var created = new List<string>();
                for (var i = 0; i < 3; i++)
                {
                    created.Add(await CreatePurchaseAsync(control, $"tenant-{run}-{i}"));
                }

                var (exit, text, _) = await RunAsync(emulator.BaseUrl, emulator.ApiKey);
                output.WriteLine($"run {run}: exit {exit}\n{text}");
                Assert.Equal(0, exit);
                Assert.DoesNotContain("already exists", text, StringComparison.Ordinal);
                foreach (var id in created.Concat(approved))
                {
                    var request = JsonNode.Parse(await control.GetStringAsync($"../../public/v1/requests/{id}"))!;
                    Assert.Equal("approved", request["status"]!.GetValue<string>());
                }

                approved.AddRange(created);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExampleProcessor_WrongApiKey_OneClearLineAndTheConfigurationExitCode()
    {
        const string secret = "Wr0ngSecretValue5a4b3c2d1e";
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        var (exit, stdout, stderr) = await RunAsync(emulator.BaseUrl, "ApiKey SU-000-000-000:" + secret);
        output.WriteLine($"exit {exit}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Equal(2, exit);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(errors);
        Assert.StartsWith("error: the API key was refused: AUTH_001 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleProcessor_UrlAndKeySwapped_ConfigurationErrorWithoutTheKey()
    {
        const string secret = "Sw4ppedSecretValue0f1e2d3c";
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });

        var (exit, stdout, stderr) = await RunAsync("ApiKey SU-000-000-000:" + secret, emulator.BaseUrl);
        output.WriteLine($"exit {exit}\nstdout:\n{stdout}\nstderr:\n{stderr}");

        Assert.Equal(2, exit);
        Assert.Contains("connectApiEndpoint is not an absolute http(s) URL", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..8], stdout + stderr, StringComparison.Ordinal);
    }

    private static async Task<string> CreatePurchaseAsync(HttpClient control, string tenant)
    {
        var body = new JsonObject
        {
            ["type"] = "purchase",
            ["product_id"] = Product,
            ["customer_id"] = "TA-1000-0000-0001",
            ["tier1_id"] = "TA-2000-0000-0001",
            ["items"] = new JsonArray(new JsonObject { ["mpn"] = "MPN-A", ["quantity"] = "3" }),
            ["params"] = new JsonArray(
                new JsonObject { ["id"] = "tenant_domain", ["value"] = tenant },
                new JsonObject { ["id"] = "customer_email", ["value"] = "it@example.com" }),
        };
        using var response = await control.PostAsJsonAsync("requests", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Runs <c>dotnet ExampleProcessor.dll</c> (built next to the tests) once and returns its exit code and output.</summary>
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string baseUrl, string apiKey)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ExampleProcessor.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["CONNECT_API_URL"] = baseUrl;
        info.Environment["CONNECT_API_KEY"] = apiKey;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the example processor did not finish within 2 minutes:\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
