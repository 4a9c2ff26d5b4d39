using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;

namespace Connect.Emulator.Cli;

/// <summary>
/// The emulator's command line (System.CommandLine): one set of options shared by <c>dotnet run --project
/// src/Connect.Emulator</c>, the <c>connect-emulator</c> tool and <c>connect emulator</c>.
/// </summary>
internal static class CommandLine
{
    /// <summary>Exit code for a bad option (as the <c>connect</c> tool's usage errors).</summary>
    public const int UsageError = 2;

    /// <summary>The environment variable holding an accepted key (kept out of <c>ps</c>, unlike <c>--api-key</c>).</summary>
    public const string ApiKeyVariable = "CONNECT_EMULATOR_API_KEY";

    private const string Description = "Connect emulator: a local CloudBlue Connect public API (SQLite state, demo data, fault injection). "
        + "Environment: " + ApiKeyVariable + " adds an accepted Authorization value.";

    /// <summary>The root command of a program whose only job is the emulator.</summary>
    /// <param name="name">The command's name in help output.</param>
    public static RootCommand CreateRootCommand(string name = "connect-emulator")
    {
        var root = new RootCommand(Description) { HelpName = name };
        Configure(root);
        return root;
    }

    /// <summary>A sub-command that starts the emulator (<c>connect emulator</c>).</summary>
    /// <param name="name">The sub-command's name.</param>
    public static Command CreateCommand(string name = "emulator")
    {
        var command = new Command(name, Description);
        Configure(command);
        return command;
    }

    /// <summary>
    /// Parses <paramref name="args"/> as the root command would; null when help was asked for. Used by tests and by
    /// callers that start the emulator themselves.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value (the first error).</exception>
    public static EmulatorOptions? Parse(string[] args, Func<string, string?>? environment = null)
    {
        var root = new RootCommand(Description);
        var options = Configure(root);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(result.Errors[0].Message);
        }

        return result.Action is System.CommandLine.Help.HelpAction ? null : Bind(result, options, environment ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>Parses and runs: usage errors print to standard error and return <see cref="UsageError"/>.</summary>
    /// <param name="command">The command (root or sub-command) to parse <paramref name="args"/> against.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output (the banner); defaults to the console.</param>
    /// <param name="error">Standard error; defaults to the console.</param>
    public static async Task<int> InvokeAsync(Command command, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = command.Parse(args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                await configuration.Error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return UsageError;
        }

        return await result.InvokeAsync(configuration).ConfigureAwait(false);
    }

    private static Options Configure(Command command)
    {
        var options = new Options();
        command.Options.Add(options.Host);
        command.Options.Add(options.Port);
        command.Options.Add(options.Data);
        command.Options.Add(options.Seed);
        command.Options.Add(options.ApiKey);
        command.Options.Add(options.ApiKeyFile);
        command.Options.Add(options.Faults);
        command.SetAction(async (result, cancellationToken) =>
        {
            EmulatorOptions bound;
            try
            {
                bound = Bind(result, options, Environment.GetEnvironmentVariable);
            }
            catch (ArgumentException ex)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return UsageError;
            }

            return await RunAsync(bound, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return options;
    }

    private static EmulatorOptions Bind(ParseResult result, Options o, Func<string, string?> environment)
    {
        var options = new EmulatorOptions
        {
            Host = result.GetValue(o.Host)!,
            Port = result.GetValue(o.Port),
            DataPath = result.GetValue(o.Data),
            Seed = result.GetValue(o.Seed)!,
            FaultsFile = result.GetValue(o.Faults),
            MinimumLogLevel = LogLevel.Warning,
        };
        foreach (var key in result.GetValue(o.ApiKey) ?? [])
        {
            options.ApiKeys.Add(key);
        }

        foreach (var file in result.GetValue(o.ApiKeyFile) ?? [])
        {
            foreach (var key in ReadKeyFile(file))
            {
                options.ApiKeys.Add(key);
            }
        }

        if (environment(ApiKeyVariable) is { } variable && !string.IsNullOrWhiteSpace(variable))
        {
            options.ApiKeys.Add(variable.Trim());
        }

        return options;
    }

    private static List<string> ReadKeyFile(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"--api-key-file: the file '{file}' could not be read: {ex.Message}", ex);
        }

        var keys = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return keys.Count > 0 ? keys : throw new ArgumentException($"--api-key-file: the file '{file}' holds no key.");
    }

    /// <summary>Starts the emulator, prints where it listens and runs until cancelled (Ctrl+C or SIGTERM).</summary>
    internal static async Task<int> RunAsync(EmulatorOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"error: the emulator could not start: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (host.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"Connect emulator listening on {host.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"Control API: {host.ControlUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"Dashboard: {host.DashboardUrl} (sign in with the API key)").ConfigureAwait(false);
            await output.WriteLineAsync($"API key: {ApiKeyMask.Mask(host.ApiKey)}{(host.ApiKey == EmulatorOptions.DefaultApiKey ? " (the default key, see --help)" : string.Empty)}").ConfigureAwait(false);
            await output.WriteLineAsync(options.DataPath is null ? "Data: in memory" : $"Data: {Path.GetFullPath(options.DataPath)}").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping.").ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>The emulator's options; one instance per command, since an option belongs to one parent.</summary>
    private sealed class Options
    {
        public Option<string> Host { get; } = new("--host")
        {
            Description = "Interface to listen on (an IP address or localhost)",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "address",
        };

        public Option<int> Port { get; } = new("--port")
        {
            Description = "TCP port (0 = any free port)",
            DefaultValueFactory = _ => 8080,
            HelpName = "port",
        };

        public Option<string?> Data { get; } = new("--data")
        {
            Description = "SQLite file keeping the state (default: in memory)",
            HelpName = "path",
        };

        public Option<string> Seed { get; } = new("--seed")
        {
            Description = "Load the demo data into an empty store, or start empty",
            DefaultValueFactory = _ => "demo",
        };

        public Option<string[]> ApiKey { get; } = new("--api-key")
        {
            Description = "Accepted Authorization value, repeatable (default \"" + EmulatorOptions.DefaultApiKey + "\"); visible in ps: prefer --api-key-file or " + ApiKeyVariable,
            HelpName = "value",
            Arity = ArgumentArity.OneOrMore,
        };

        public Option<string[]> ApiKeyFile { get; } = new("--api-key-file")
        {
            Description = "Accepted Authorization values, one per line, repeatable",
            HelpName = "file",
            Arity = ArgumentArity.OneOrMore,
        };

        public Option<string?> Faults { get; } = new("--faults")
        {
            Description = "JSON fault rules active from the start (default: none)",
            HelpName = "file",
        };

        public Options()
        {
            Seed.AcceptOnlyFromAmong("demo", "none");
            Host.Validators.Add(result =>
            {
                var host = result.GetValueOrDefault<string>();
                if (!IPAddress.TryParse(host, out _) && host != "localhost")
                {
                    result.AddError($"--host must be an IP address or localhost, not '{host}'.");
                }
            });
            Port.CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535)
                {
                    return port;
                }

                result.AddError($"--port must be a number from 0 to 65535, not '{text}'.");
                return 0;
            };
            ApiKey.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                {
                    result.AddError("--api-key must not be empty.");
                }
            });
        }
    }
}
