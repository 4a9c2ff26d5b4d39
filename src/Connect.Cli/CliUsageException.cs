namespace Connect.Cli;

/// <summary>A usage or configuration problem found by the tool itself; exits with <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
