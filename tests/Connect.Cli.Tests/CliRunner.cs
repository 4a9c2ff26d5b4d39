using Connect.Emulator;
using Spectre.Console;

namespace Connect.Cli.Tests;

/// <summary>A real emulator on 127.0.0.1 (free port) and a way to run `connect` against it, capturing its output.</summary>
internal sealed class CliRunner : IAsyncDisposable
{
    private readonly EmulatorHost _emulator;

    private CliRunner(EmulatorHost emulator, string folder)
    {
        _emulator = emulator;
        Folder = folder;
        Environment = new Dictionary<string, string>
        {
            ["CONNECT_API_URL"] = emulator.BaseUrl,
            ["CONNECT_API_KEY"] = emulator.ApiKey,
        };
    }

    /// <summary>The working folder (empty, temporary).</summary>
    public string Folder { get; }

    /// <summary>The environment the tool sees.</summary>
    public Dictionary<string, string> Environment { get; }

    public string BaseUrl => _emulator.BaseUrl;

    public static async Task<CliRunner> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("connect-cli-").FullName;
        return new CliRunner(await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" }), folder);
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var host = new CliHost(console, output, error, name => Environment.GetValueOrDefault(name), Folder);
        var code = await ConnectCli.RunAsync(args, host);
        return new Result(code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    internal sealed record Result(int ExitCode, string Output, string Error);
}
