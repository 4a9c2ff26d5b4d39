using System.Diagnostics;
using System.Globalization;
using Connect.Emulator;

namespace Connect.Reliability.Tests;

/// <summary><c>dotnet Connect.Emulator.dll --port 0</c> as a child process, stopped (killed) on dispose.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string baseUrl, List<string> banner)
    {
        _process = process;
        BaseUrl = baseUrl;
        Banner = banner;
    }

    public string BaseUrl { get; }

    /// <summary>The lines the emulator printed at start-up, up to "Press Ctrl+C to stop.".</summary>
    public IReadOnlyList<string> Banner { get; }

    public static async Task<EmulatorProcess> StartAsync(string[]? arguments = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Connect.Emulator.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, [dll, "--port", "0", "--seed", "demo", .. arguments ?? []])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var banner = new List<string>();
        string? baseUrl = null;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            banner.Add(line);
            const string listening = "listening on ";
            var at = line.IndexOf(listening, StringComparison.Ordinal);
            if (at >= 0)
            {
                baseUrl = line[(at + listening.Length)..].Trim();
            }

            if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal) && baseUrl is not null)
            {
                process.ErrorDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, baseUrl, banner);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the emulator did not start: " + await process.StandardError.ReadToEndAsync());
    }

    public HttpClient Client(string apiKey = EmulatorOptions.DefaultApiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiKey);
        return client;
    }

    /// <summary>The process's peak resident set so far (<c>VmHWM</c>), in bytes.</summary>
    public long PeakWorkingSet()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
