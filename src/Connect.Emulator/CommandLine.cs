using System.Globalization;

namespace Connect.Emulator.Cli;

/// <summary>Parses the emulator's command line (hand-checked: six options do not need a framework).</summary>
internal static class CommandLine
{
    public const string Help = """
        Connect emulator: a local CloudBlue Connect public API.

        Usage: connect-emulator [options]

        Environment:
          CONNECT_EMULATOR_API_KEY   An accepted Authorization value (added to the options')

        Options:
          --host <address>     Interface to listen on (default 127.0.0.1)
          --port <port>        TCP port (default 8080; 0 = any free port)
          --data <path>        SQLite file keeping the state (default: in memory)
          --seed <demo|none>   Load the demo data into an empty store (default demo)
          --api-key <value>    Accepted Authorization value, repeatable
                               (default "ApiKey SU-000-000-000:emulator"); visible in ps:
                               prefer --api-key-file or CONNECT_EMULATOR_API_KEY
          --api-key-file <f>   Accepted Authorization values, one per line, repeatable
          --faults <file>      JSON fault rules active from the start (default: none)
          -h, --help           Show this help
        """;

    /// <summary>The environment variable holding an accepted key (kept out of <c>ps</c>, unlike <c>--api-key</c>).</summary>
    public const string ApiKeyVariable = "CONNECT_EMULATOR_API_KEY";

    /// <summary>The options, or null when help was asked for.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad value.</exception>
    public static EmulatorOptions? Parse(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new EmulatorOptions { Port = 8080, MinimumLogLevel = LogLevel.Warning };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    return null;
                case "--host":
                    options.Host = Value();
                    break;
                case "--port":
                    var port = Value();
                    options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535
                        ? p
                        : throw new ArgumentException($"--port must be a number from 0 to 65535, not '{port}'.");
                    break;
                case "--data":
                    options.DataPath = Value();
                    break;
                case "--seed":
                    var seed = Value();
                    options.Seed = seed is "demo" or "none" ? seed : throw new ArgumentException($"--seed must be demo or none, not '{seed}'.");
                    break;
                case "--api-key":
                    var key = Value();
                    options.ApiKeys.Add(string.IsNullOrWhiteSpace(key) ? throw new ArgumentException("--api-key must not be empty.") : key);
                    break;
                case "--api-key-file":
                    var file = Value();
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
                    if (keys.Count == 0)
                    {
                        throw new ArgumentException($"--api-key-file: the file '{file}' holds no key.");
                    }

                    keys.ForEach(options.ApiKeys.Add);
                    break;
                case "--faults":
                    options.FaultsFile = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (environment(ApiKeyVariable) is { } variable && !string.IsNullOrWhiteSpace(variable))
        {
            options.ApiKeys.Add(variable.Trim());
        }

        if (!System.Net.IPAddress.TryParse(options.Host, out _) && options.Host != "localhost")
        {
            throw new ArgumentException($"--host must be an IP address or localhost, not '{options.Host}'.");
        }

        return options;
    }
}
