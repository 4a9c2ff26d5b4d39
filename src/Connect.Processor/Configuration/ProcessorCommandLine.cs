using System.Globalization;

namespace Connect.Processor;

/// <summary>The processor's own command-line flags, turned into configuration keys.</summary>
internal sealed class ProcessorCommandLine
{
    private ProcessorCommandLine(Dictionary<string, string?> settings, string? configFile)
    {
        Settings = settings;
        ConfigFile = configFile;
    }

    public Dictionary<string, string?> Settings { get; }

    public string? ConfigFile { get; }

    public static ProcessorCommandLine Parse(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? configFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            switch (flag)
            {
                case "--once":
                    settings["mode"] = nameof(ProcessorRunMode.Once);
                    break;
                case "--interval":
                    var interval = inline ?? Next(args, ref i, flag);
                    if (!int.TryParse(interval, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
                    {
                        throw new ArgumentException($"--interval needs a whole number of seconds of at least 1 (was '{interval}').", nameof(args));
                    }

                    settings["mode"] = nameof(ProcessorRunMode.Continuous);
                    settings["intervalSeconds"] = seconds.ToString(CultureInfo.InvariantCulture);
                    break;
                case "--continuous":
                    settings["mode"] = nameof(ProcessorRunMode.Continuous);
                    break;
                case "--shard":
                    var shard = inline ?? Next(args, ref i, flag);
                    var parts = shard.Split('/');
                    if (parts.Length != 2
                        || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        throw new ArgumentException($"--shard needs INDEX/COUNT, e.g. 0/2 (was '{shard}').", nameof(args));
                    }

                    settings["shard:index"] = index.ToString(CultureInfo.InvariantCulture);
                    settings["shard:count"] = count.ToString(CultureInfo.InvariantCulture);
                    break;
                case "--config":
                    configFile = inline ?? Next(args, ref i, flag);
                    break;
                default:
                    break;
            }
        }

        return new ProcessorCommandLine(settings, configFile);
    }

    private static (string Flag, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string flag)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{flag} needs a value.", nameof(args));
        }

        i++;
        return args[i];
    }
}
