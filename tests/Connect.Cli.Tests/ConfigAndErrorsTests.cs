using System.Text.Json.Nodes;

namespace Connect.Cli.Tests;

public sealed class ConfigAndErrorsTests
{
    [Fact]
    public async Task Config_EnvironmentOverFile_NamesEachSourceAndMasksTheKey()
    {
        await using var cli = await CliRunner.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "config.json"),
            """{ "apiEndpoint": "https://api.example.com/public/v1", "apiKey": "ApiKey SU-123-456:topsecret" }""");
        cli.Environment.Remove("CONNECT_API_KEY");

        var run = await cli.RunAsync("config", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("topsecret", run.Output, StringComparison.Ordinal);
        var settings = JsonNode.Parse(run.Output)!;
        Assert.Equal(cli.BaseUrl, settings["endpoint"]!["value"]!.GetValue<string>());
        Assert.Equal("env CONNECT_API_URL", settings["endpoint"]!["source"]!.GetValue<string>());
        Assert.Equal("ApiKey SU-123-456:****", settings["apiKey"]!["value"]!.GetValue<string>());
        Assert.Equal("config.json (apiKey)", settings["apiKey"]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_Table_NeverPrintsTheSecret()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("config");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CONNECT_API_KEY", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(":emulator", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_NoApiKey_IsAConfigurationErrorNamingTheVariable()
    {
        await using var cli = await CliRunner.StartAsync();
        cli.Environment.Remove("CONNECT_API_KEY");

        var run = await cli.RunAsync("requests", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CONNECT_API_KEY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_WrongApiKey_PrintsTheApiErrorAndExits1()
    {
        await using var cli = await CliRunner.StartAsync();
        cli.Environment["CONNECT_API_KEY"] = "ApiKey SU-000-000-000:wrong";

        var run = await cli.RunAsync("requests", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigOption_MissingFile_IsAUsageError()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--config", "nope.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests", "frobnicate")]
    [InlineData("requests", "list", "--limit", "-1")]
    [InlineData("usage", "submit", "u.csv")]
    public async Task BadArguments_ExitWith2(params string[] args)
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_Help_ListsTheEmulatorsOptions()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("emulator", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--port", run.Output, StringComparison.Ordinal);
        Assert.Contains("--data", run.Output, StringComparison.Ordinal);
    }
}
