using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Connect.Tests;

/// <summary>
/// The lock services of the lease tests: the redis-server and PostgreSQL cluster that <c>.ci/services.sh start</c> runs
/// (its <c>CONNECT_TEST_REDIS</c> and <c>CONNECT_TEST_POSTGRES</c> variables, as .ci/run exports them), or, when those
/// are not set, a pair this fixture starts with the same script and stops at the end. When the binaries are not
/// installed, the tests skip with a message saying how to install them; in CI (<c>CI=true</c>) they fail instead.
/// Linked into the test projects that need it (Connect.Processor.Tests, Connect.Reliability.Tests).
/// </summary>
public sealed class LockServices : IDisposable
{
    private const string Install = "install them with `apt-get install redis-server postgresql`, or run `eval \"$(bash .ci/services.sh start)\"`";
    private readonly string? _ownedFolder;

    public LockServices()
    {
        Redis = NonEmpty(Environment.GetEnvironmentVariable("CONNECT_TEST_REDIS"));
        Postgres = NonEmpty(Environment.GetEnvironmentVariable("CONNECT_TEST_POSTGRES"));
        if (Redis is not null && Postgres is not null)
        {
            return;
        }

        var script = Path.Combine(RepositoryRoot(), ".ci", "services.sh");
        var (checkCode, checkOutput) = Run("bash", script, "check");
        if (checkCode != 0)
        {
            Unavailable = $"redis-server and PostgreSQL are needed by this test and are not installed ({checkOutput.Trim()}): {Install}.";
            return;
        }

        var (code, output) = Run("bash", script, "start");
        var exports = output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim('\''), StringComparer.Ordinal);
        if (code != 0 || !exports.TryGetValue("CONNECT_TEST_REDIS", out var redis) || !exports.TryGetValue("CONNECT_TEST_POSTGRES", out var postgres))
        {
            Unavailable = ".ci/services.sh start failed (exit " + code + "):\n" + output;
            return;
        }

        _ownedFolder = exports["CONNECT_SERVICES_DIR"];
        Redis = redis;
        Postgres = postgres;
    }

    /// <summary>The shared redis-server, a StackExchange.Redis configuration (<c>127.0.0.1:PORT</c>).</summary>
    public string? Redis { get; }

    /// <summary>The shared PostgreSQL cluster, an Npgsql connection string.</summary>
    public string? Postgres { get; }

    /// <summary>Why the services are missing, or null when both run.</summary>
    public string? Unavailable { get; }

    /// <summary>Whether this is a CI run (<c>CI=true</c>): then a missing service fails the test rather than skipping it.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The redis-server binary, or null when it is not installed.</summary>
    public static string? RedisServerBinary =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips the test (fails it in CI) when the services are not running; returns (redis, postgres) otherwise.</summary>
    public (string Redis, string Postgres) Require()
    {
        if (Unavailable is { } reason)
        {
            if (InCi)
            {
                Assert.Fail("CI=true and the lock services are not available: " + reason);
            }

            Skip.If(true, reason);
        }

        return (Redis!, Postgres!);
    }

    /// <summary>Skips the test (fails it in CI) when redis-server is not installed; returns its path otherwise.</summary>
    public static string RequireRedisServer()
    {
        if (RedisServerBinary is { } binary)
        {
            return binary;
        }

        var reason = "redis-server is needed by this test and is not installed: " + Install + ".";
        if (InCi)
        {
            Assert.Fail("CI=true and " + reason);
        }

        Skip.If(true, reason);
        return string.Empty;
    }

    public void Dispose()
    {
        if (_ownedFolder is not null)
        {
            Run("bash", Path.Combine(RepositoryRoot(), ".ci", "services.sh"), "stop", _ownedFolder);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connect.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Connect.slnx above {AppContext.BaseDirectory}: run the tests from inside the repository, which carries .ci/services.sh.");
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// A redis-server of a test's own, on a free loopback port, that the test can stop and start again on the same port
/// (the lock service going down and coming back), without disturbing the shared one.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string _binary;
    private readonly string _folder;
    private Process? _process;

    private RedisServer(string binary)
    {
        _binary = binary;
        _folder = Directory.CreateTempSubdirectory("connect-redis-").FullName;
    }

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration for this server.</summary>
    public string Configuration => "127.0.0.1:" + Port;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port (retrying another port if one is taken meanwhile).</summary>
    public static async Task<RedisServer> StartAsync(string binary)
    {
        var server = new RedisServer(binary);
        for (var attempt = 1; ; attempt++)
        {
            server.Port = FreePort();
            if (await server.TryStartAsync())
            {
                return server;
            }

            if (attempt == 5)
            {
                server.Dispose();
                throw new InvalidOperationException("redis-server did not start on a free port after 5 attempts.");
            }
        }
    }

    /// <summary>Starts the server again on its port (after <see cref="Stop"/>).</summary>
    public async Task RestartAsync()
    {
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            if (await TryStartAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"redis-server did not start again on port {Port}.");
    }

    /// <summary>Kills the server (SIGKILL: the lock service vanishes with every key in it).</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit();
            process.Dispose();
            _process = null;
        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the server still writes while exiting: the temp folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> TryStartAsync()
    {
        var info = new ProcessStartInfo(
            _binary,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100 && !process.HasExited; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await Task.Delay(50);
                if (process.HasExited)
                {
                    // Another program answered on the port this server could not bind.
                    break;
                }

                _process = process;
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        process.WaitForExit();
        process.Dispose();
        return false;
    }
}
