using Spectre.Console;

namespace Connect.Cli;

/// <summary>What a command talks to: the console, the environment and the working folder (tests pass their own).</summary>
/// <param name="Console">Tables, progress and messages.</param>
/// <param name="Output">Machine-readable output (<c>--json</c>), written as is, never wrapped.</param>
/// <param name="Error">Error messages.</param>
/// <param name="Environment">Reads an environment variable.</param>
/// <param name="CurrentDirectory">Where <c>config.json</c> is looked for.</param>
internal sealed record CliHost(IAnsiConsole Console, TextWriter Output, TextWriter Error, Func<string, string?> Environment, string CurrentDirectory)
{
    /// <summary>The process's own console, environment and folder.</summary>
    public static CliHost FromConsole()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // A pipe or a file has no width: do not wrap tables at the default 80 columns.
            console.Profile.Width = 200;
        }

        return new(console, System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
    }

    /// <summary>Whether progress bars may be drawn (a terminal, not a pipe or a test).</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive;
}
