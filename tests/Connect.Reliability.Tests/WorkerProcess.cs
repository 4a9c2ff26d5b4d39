using System.Diagnostics;
using System.Text;

namespace Connect.Reliability.Tests;

/// <summary>The worker console (Worker/Program.cs) as a separate OS process: <c>dotnet Connect.Reliability.Worker.dll</c>.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => Process = process;

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

    public static WorkerProcess Start(string baseUrl, string apiKey, string idsFile, int concurrency = 4)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Connect.Reliability.Worker.dll");
        Assert.True(File.Exists(dll), dll + " is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["CONNECT_API_URL"] = baseUrl;
        info.Environment["CONNECT_API_KEY"] = apiKey;
        info.Environment["RELIABILITY_IDS_FILE"] = idsFile;
        info.Environment["RELIABILITY_CONCURRENCY"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = new Process { StartInfo = info };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the exit (killing the process after <paramref name="timeout"/>) and returns the exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Assert.Fail("the worker did not finish within " + timeout + ":\n" + Output);
        }

        Process.WaitForExit(); // flushes the redirected output
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

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
