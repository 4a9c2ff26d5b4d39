using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Automation;

namespace Connect.Reliability.Tests;

/// <summary>
/// The processor host (ProcessorHost/Program.cs: a Connect.Processor host with a purchase handler) as a separate OS
/// process, <c>dotnet Connect.Reliability.ProcessorHost.dll --config &lt;file&gt; [--interval N]</c>, configured through
/// <c>CONNECT_API_URL</c>, <c>CONNECT_API_KEY</c> and <c>CONNECT_PRODUCTS</c>.
/// </summary>
internal sealed partial class ProcessorProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly StringBuilder _output = new();

    private ProcessorProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Writes the processor's config file into <paramref name="folder"/> (what a vendor keeps in <c>config.json</c>;
    /// the endpoint, key and products come from the environment) and returns its path.
    /// </summary>
    public static string WriteConfig(string folder, int maxConcurrency, JsonObject? extra = null, string name = "processor.json")
    {
        var path = Path.Combine(folder, name);
        var config = new JsonObject
        {
            ["activationTemplateName"] = "Default Activation Template",
            ["environments"] = new JsonArray("test", "preview", "production"),
            ["maxConcurrency"] = maxConcurrency,
            ["maxPasses"] = 5,
        };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value?.DeepClone();
        }

        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    /// <summary>Starts the host in continuous mode (one run every <paramref name="intervalSeconds"/>) until it is stopped.</summary>
    public static ProcessorProcess Start(
        string baseUrl, string apiKey, string product, string configFile, int intervalSeconds = 1, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Connect.Reliability.ProcessorHost.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, [dll, "--config", configFile, "--interval", intervalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configFile)!,
        };
        info.Environment["CONNECT_API_URL"] = baseUrl;
        info.Environment["CONNECT_API_KEY"] = apiKey;
        info.Environment["CONNECT_PRODUCTS"] = product;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var processor = new ProcessorProcess(process);
        process.OutputDataReceived += (_, e) => processor.Append(e.Data);
        process.ErrorDataReceived += (_, e) => processor.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return processor;
    }

    /// <summary>
    /// Stops the host gracefully (SIGTERM, as <c>kill</c>, systemd or Kubernetes do: requests in flight finish, no new
    /// one is taken), waits for the exit (killing the process after <paramref name="timeout"/>) and returns the exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Assert.False(Process.HasExited, "the processor exited before it was stopped:\n" + Output);
        Assert.True(Kill(Process.Id, SigTerm) == 0, "kill(SIGTERM) failed: errno " + Marshal.GetLastPInvokeError());
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Assert.Fail("the processor did not stop within " + timeout + " of SIGTERM:\n" + Output);
        }

        Process.WaitForExit(); // flushes the redirected output
        return Process.ExitCode;
    }

    /// <summary>The outcomes the host printed, per request id, over all its completed runs (<c>&lt;outcome&gt; &lt;id&gt;</c> lines).</summary>
    public IReadOnlyList<(AutomationOutcome Outcome, string Id)> Outcomes() =>
    [
        .. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 3))
            .Where(parts => parts.Length >= 2 && parts[0].All(char.IsAsciiLetter) && Enum.IsDefined(typeof(AutomationOutcome), parts[0]))
            .Select(parts => (Enum.Parse<AutomationOutcome>(parts[0]), parts[1])),
    ];

    /// <summary>The requests whose handler started in this process (<c>handling &lt;id&gt;</c> lines, written before the vendor call).</summary>
    public IReadOnlyList<string> Started() =>
    [
        .. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("handling ", StringComparison.Ordinal))
            .Select(line => line["handling ".Length..]),
    ];

    /// <summary>How many runs the host completed (<c>run ...</c> lines).</summary>
    public int Runs() => Output.Split('\n').Count(line => line.StartsWith("run ", StringComparison.Ordinal));

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
