using System.Diagnostics;

namespace Connect.Reliability.Tests;

/// <summary>The processor host (ProcessorHost/Program.cs) started with bad settings, as a separate OS process.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task ProcessorHost_MissingEndpointAndBadRetries_PrintsOneLineNamingTheSettingsAndExitsTwo()
    {
        var dir = Directory.CreateTempSubdirectory("processor-config-");
        try
        {
            var config = Path.Combine(dir.FullName, "processor.json");
            await File.WriteAllTextAsync(config, """{ "activationTemplateName": "Default Activation Template", "connectApiKey": "ApiKey SU-1:secret" }""");
            var (exitCode, output, error) = await RunAsync(dir.FullName, "--config", config, "--once");

            Assert.Equal(2, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("Invalid processor configuration: connectApiEndpoint is required", line, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task ProcessorHost_ClientSettingOutOfRange_NamesTheConnectSetting()
    {
        var dir = Directory.CreateTempSubdirectory("processor-config-");
        try
        {
            var config = Path.Combine(dir.FullName, "processor.json");
            await File.WriteAllTextAsync(config, """
                { "activationTemplateName": "Default Activation Template", "connectApiEndpoint": "http://127.0.0.1:9/public/v1",
                  "connectApiKey": "ApiKey SU-1:secret", "connect": { "maxRetries": 99 } }
                """);
            var (exitCode, _, error) = await RunAsync(dir.FullName, "--config", config, "--once");

            Assert.Equal(2, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("Invalid processor configuration: connect: MaxRetries must be between 0 and 10 (was 99).", line);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string folder, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Connect.Reliability.ProcessorHost.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var variable in new[] { "CONNECT_API_URL", "CONNECT_API_ENDPOINT", "CONNECT_API_KEY" })
        {
            info.Environment.Remove(variable);
        }

        info.Environment["CONNECT_PRODUCTS"] = "PRD-100-200-300";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
