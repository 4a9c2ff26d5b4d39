using Connect.Emulator.Cli;

namespace Connect.Emulator.Tests;

/// <summary>The emulator's command line (System.CommandLine): exit codes and help, shared by the program and both tools.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--seed", "full")]
    [InlineData("--bogus", "1")]
    public async Task InvokeAsync_BadOption_PrintsTheErrorAndExits2(string option, string value)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CommandLine.InvokeAsync(CommandLine.CreateRootCommand(), [option, value], output, error);

        Assert.Equal(CommandLine.UsageError, code);
        Assert.StartsWith("error:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task InvokeAsync_Help_ListsEveryOptionUnderTheToolsName()
    {
        var output = new StringWriter();

        var code = await CommandLine.InvokeAsync(CommandLine.CreateRootCommand("connect-emulator"), ["--help"], output, new StringWriter());

        Assert.Equal(0, code);
        var help = output.ToString();
        Assert.Contains("connect-emulator [options]", help, StringComparison.Ordinal);
        foreach (var option in new[] { "--host", "--port", "--data", "--seed", "--api-key", "--faults" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvokeAsync_FreePort_StartsPrintsWhereItListensAndStopsOnCancel()
    {
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        string Printed()
        {
            lock (output)
            {
                return text.ToString();
            }
        }

        using var stop = new CancellationTokenSource();
        var command = CommandLine.CreateRootCommand();
        var run = command.Parse(["--port", "0", "--seed", "none"]).InvokeAsync(
            new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() }, stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Printed().Contains("listening on http://127.0.0.1:", StringComparison.Ordinal) && !run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains("listening on http://127.0.0.1:", Printed(), StringComparison.Ordinal);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public void Parse_ApiKeyFileAndVariable_AddTheirKeysAfterTheOptions()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["ApiKey SU-1:from-file", "", "  ApiKey SU-2:second  "]);

            var options = CommandLine.Parse(["--api-key", "ApiKey SU-0:inline", "--api-key-file", file],
                name => name == CommandLine.ApiKeyVariable ? "ApiKey SU-3:from-env" : null)!;

            Assert.Equal(["ApiKey SU-0:inline", "ApiKey SU-1:from-file", "ApiKey SU-2:second", "ApiKey SU-3:from-env"], options.ApiKeys);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task InvokeAsync_ApiKeyFileMissing_IsAUsageError()
    {
        var error = new StringWriter();

        var code = await CommandLine.InvokeAsync(CommandLine.CreateRootCommand(), ["--api-key-file", "/nonexistent/keys.txt"], new StringWriter(), error);

        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("--api-key-file", error.ToString(), StringComparison.Ordinal);
    }
}
