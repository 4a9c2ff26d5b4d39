using System.CommandLine;
using Connect.Cli.Commands;
using Connect.Sdk;
using Connect.Usage;
using Spectre.Console;

namespace Connect.Cli;

/// <summary>The <c>connect</c> command tree and its error handling: every failure is one line and an exit code.</summary>
internal static class ConnectCli
{
    /// <summary>Builds the command tree for <paramref name="host"/>.</summary>
    public static RootCommand CreateRootCommand(CliHost host)
    {
        var context = new CliContext(host);
        var root = new RootCommand("connect: CloudBlue Connect from the command line (requests, tier config requests, usage) and the local emulator.")
        {
            HelpName = "connect",
        };
        root.Options.Add(context.ConfigOption);
        root.Subcommands.Add(RequestsCommands.Create(context));
        root.Subcommands.Add(TierConfigCommands.Create(context));
        root.Subcommands.Add(UsageCommands.Create(context));
        root.Subcommands.Add(ConfigCommand.Create(context));
        root.Subcommands.Add(Connect.Emulator.Cli.CommandLine.CreateCommand("emulator"));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var result = CreateRootCommand(host).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await host.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await host.Error.WriteLineAsync("Run with --help for the commands and options.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = host.Output, Error = host.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Describe(ex) is { } failure)
        {
            await host.Error.WriteLineAsync("error: " + failure.Message).ConfigureAwait(false);
            foreach (var line in failure.Details)
            {
                await host.Error.WriteLineAsync("  " + line).ConfigureAwait(false);
            }

            return failure.ExitCode;
        }
    }

    /// <summary>The message and exit code for a failure the tool expects; null lets anything else crash loudly.</summary>
    internal static Failure? Describe(Exception ex) => ex switch
    {
        ConnectApiException api => new Failure(ExitCodes.ApiError, ApiMessage(api), []),
        UsageSubmitException submit => new Failure(
            ExitCodes.ApiError,
            $"usage {submit.Stage.ToString().ToLowerInvariant()} failed{(submit.UsageFileId is null ? string.Empty : " (usage file " + submit.UsageFileId + ")")}: "
                + (submit.InnerException is ConnectApiException inner ? ApiMessage(inner) : submit.Message),
            []),
        HttpRequestException http => new Failure(ExitCodes.ApiError, $"Connect could not be reached: {http.Message}", []),
        TimeoutException timeout => new Failure(ExitCodes.ApiError, $"Connect did not answer in time: {timeout.Message}", []),
        ConnectConfigurationException config => new Failure(ExitCodes.UsageError, config.Message, []),
        CliUsageException usage => new Failure(ExitCodes.UsageError, usage.Message, []),
        UsageValidationException invalid => new Failure(
            ExitCodes.UsageError,
            $"the usage records are invalid ({invalid.Errors.Count}{(invalid.Truncated ? "+" : string.Empty)} errors); nothing was sent:",
            [.. invalid.Errors.Take(20).Select(e => e.ToString())]),
        UsageFormatException format => new Failure(ExitCodes.UsageError, $"the input file cannot be read: {format.Message}", []),
        FileNotFoundException missing => new Failure(ExitCodes.UsageError, $"no such file: {missing.FileName}", []),
        ConnectException { IsTransportFailure: true } transport => new Failure(ExitCodes.ApiError, $"Connect could not be reached: {transport.Message}", []),
        ConnectException other => new Failure(ExitCodes.ApiError, other.Message, []),
        _ => null,
    };

    /// <summary>The API's error code and messages, as Connect sent them.</summary>
    private static string ApiMessage(ConnectApiException api)
    {
        var code = api.ErrorCode is null ? $"HTTP {(int)api.StatusCode}" : $"{api.ErrorCode} (HTTP {(int)api.StatusCode})";
        var messages = api.Errors.Count > 0 ? string.Join("; ", api.Errors) : api.Message;
        return $"{code}: {messages}";
    }

    /// <summary>How a failure is reported.</summary>
    internal sealed record Failure(int ExitCode, string Message, IReadOnlyList<string> Details);
}
