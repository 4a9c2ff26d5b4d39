using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Connect.Processor;

/// <summary>
/// The processor's own command-line flags (parsed by System.CommandLine), turned into configuration keys. Arguments
/// that are not the processor's (host or configuration switches) are left alone.
/// </summary>
internal sealed class ProcessorCommandLine
{
    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null };

    private ProcessorCommandLine(Dictionary<string, string?> settings, string? configFile)
    {
        Settings = settings;
        ConfigFile = configFile;
    }

    public Dictionary<string, string?> Settings { get; }

    public string? ConfigFile { get; }

    /// <summary>Reads the flags out of <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">A flag lacks its value or has a malformed one; the message starts with the flag.</exception>
    public static ProcessorCommandLine Parse(IReadOnlyList<string> args)
    {
        var once = new Option<bool>("--once") { Description = "Process the pending requests once and exit", Arity = ArgumentArity.Zero };
        var continuous = new Option<bool>("--continuous") { Description = "Keep polling (every intervalSeconds)", Arity = ArgumentArity.Zero };
        var interval = new Option<int?>("--interval")
        {
            Description = "Keep polling every N seconds",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1)
                {
                    return seconds;
                }

                result.AddError($"--interval needs a whole number of seconds of at least 1 (was '{text}').");
                return null;
            },
        };
        var shard = new Option<(int Index, int Count)?>("--shard")
        {
            Description = "Process only shard INDEX of COUNT (e.g. 0/2)",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
                var parts = text.Split('/');
                if (parts.Length == 2
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return (index, count);
                }

                result.AddError($"--shard needs INDEX/COUNT, e.g. 0/2 (was '{text}').");
                return null;
            },
        };
        var config = new Option<string?>("--config") { Description = "Config file instead of config.json" };
        var command = new Command("processor") { once, continuous, interval, shard, config };
        command.TreatUnmatchedTokensAsErrors = false;

        var result = command.Parse(args, Parser);
        if (result.Errors.Count > 0)
        {
            var error = result.Errors[0];
            var flag = error.SymbolResult is OptionResult option ? option.Option.Name : null;
            throw new ArgumentException(
                flag is null || error.Message.StartsWith(flag, StringComparison.Ordinal) ? error.Message : $"{flag} needs a value.",
                nameof(args));
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        // As before, the mode flag given last wins (--once --interval 10 runs continuously).
        var mode = LastModeFlag(result, once, continuous, interval);
        if (mode is not null)
        {
            settings["mode"] = mode == once.Name ? nameof(ProcessorRunMode.Once) : nameof(ProcessorRunMode.Continuous);
        }

        if (result.GetValue(interval) is { } seconds)
        {
            settings["intervalSeconds"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (result.GetValue(shard) is { } part)
        {
            settings["shard:index"] = part.Index.ToString(CultureInfo.InvariantCulture);
            settings["shard:count"] = part.Count.ToString(CultureInfo.InvariantCulture);
        }

        return new ProcessorCommandLine(settings, result.GetValue(config));
    }

    private static string? LastModeFlag(ParseResult result, params Option[] modes)
    {
        string? last = null;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.Option && modes.Any(m => m.Name == token.Value))
            {
                last = token.Value;
            }
        }

        return last;
    }
}
