namespace Connect.Cli;

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Connect answered with an error (its code and message are printed), or could not be reached.</summary>
    public const int ApiError = 1;

    /// <summary>Bad arguments, a bad or missing setting, or an input file that cannot be used (nothing was sent).</summary>
    public const int UsageError = 2;
}
