using Connect.Emulator.Cli;

namespace Connect.Emulator.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task StartAsync_PortZero_ReportsBoundLoopbackUrls()
    {
        await using var emulator = await TestEmulator.StartAsync(seed: "none");

        Assert.Matches(@"^http://127\.0\.0\.1:\d+/public/v1$", emulator.Host.BaseUrl);
        Assert.Equal(emulator.Host.BaseUrl.Replace("/public/v1", "/emulator/v1", StringComparison.Ordinal), emulator.Host.ControlUrl);
        Assert.DoesNotContain(":0/", emulator.Host.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(EmulatorOptions.DefaultApiKey, emulator.Host.ApiKey);
    }

    [Fact]
    public async Task StopAsync_Twice_IsHarmless()
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Seed = "none" });

        await host.StopAsync();
        await host.StopAsync();
        await host.DisposeAsync();

        using var client = TestEmulator.NewClient(host.BaseUrl, TestEmulator.Key);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("requests"));
    }

    [Theory]
    [InlineData("seed", "other")]
    [InlineData("port", "-1")]
    [InlineData("host", "")]
    public async Task StartAsync_InvalidOption_Throws(string option, string value)
    {
        var options = new EmulatorOptions();
        switch (option)
        {
            case "seed":
                options.Seed = value;
                break;
            case "port":
                options.Port = int.Parse(value);
                break;
            default:
                options.Host = value;
                break;
        }

        await Assert.ThrowsAnyAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));
    }

    [Fact]
    public void Parse_AllOptions_MapOntoEmulatorOptions()
    {
        var options = CommandLine.Parse(["--host", "0.0.0.0", "--port=0", "--data", "x.db", "--seed", "none", "--api-key", "ApiKey A:1", "--api-key", "ApiKey B:2"])!;

        Assert.Equal("0.0.0.0", options.Host);
        Assert.Equal(0, options.Port);
        Assert.Equal("x.db", options.DataPath);
        Assert.Equal("none", options.Seed);
        Assert.Equal(["ApiKey A:1", "ApiKey B:2"], options.ApiKeys);
    }

    [Fact]
    public void Parse_NoArguments_Defaults()
    {
        var options = CommandLine.Parse([])!;

        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(8080, options.Port);
        Assert.Null(options.DataPath);
        Assert.Equal("demo", options.Seed);
        Assert.Empty(options.ApiKeys);
    }

    [Fact]
    public void Parse_ApiKeyFileAndVariable_AddTheirKeys()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["ApiKey SU-1:from-file", "", "  ApiKey SU-2:second  "]);

            var options = CommandLine.Parse(["--api-key-file", file], name => name == CommandLine.ApiKeyVariable ? "ApiKey SU-3:from-env" : null)!;

            Assert.Equal(["ApiKey SU-1:from-file", "ApiKey SU-2:second", "ApiKey SU-3:from-env"], options.ApiKeys);
            Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--api-key-file", file + ".missing"], _ => null));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Mask_ApiKey_KeepsTheIdHidesTheSecret()
    {
        Assert.Equal("ApiKey SU-000-000-000:********", ApiKeyMask.Mask("ApiKey SU-000-000-000:emulator"));
        Assert.Equal("********", ApiKeyMask.Mask("just-a-secret"));
    }

    [Fact]
    public void Parse_Help_ReturnsNull() => Assert.Null(CommandLine.Parse(["--help"]));

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--seed", "full")]
    [InlineData("--bogus", "1")]
    [InlineData("--host", "not a host")]
    public void Parse_BadArguments_ThrowArgumentException(string option, string value) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse([option, value]));

    [Fact]
    public void Parse_MissingValue_Throws() => Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--data"]));
}
