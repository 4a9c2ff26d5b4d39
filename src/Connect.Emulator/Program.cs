using System.Runtime.InteropServices;
using Connect.Emulator;
using Connect.Emulator.Cli;

// The `connect-emulator` command: parses its options, starts the emulator and runs until Ctrl+C or SIGTERM.
EmulatorOptions options;
try
{
    var parsed = CommandLine.Parse(args);
    if (parsed is null)
    {
        Console.WriteLine(CommandLine.Help);
        return 0;
    }

    options = parsed;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
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
    await Console.Error.WriteLineAsync($"error: the emulator could not start: {ex.Message}").ConfigureAwait(false);
    return 1;
}

await using (host.ConfigureAwait(false))
{
    Console.WriteLine($"Connect emulator listening on {host.BaseUrl}");
    Console.WriteLine($"Control API: {host.ControlUrl}");
    Console.WriteLine($"Dashboard: {host.DashboardUrl} (sign in with the API key)");
    Console.WriteLine($"API key: {ApiKeyMask.Mask(host.ApiKey)}{(host.ApiKey == EmulatorOptions.DefaultApiKey ? " (the default key, see --help)" : string.Empty)}");
    Console.WriteLine(options.DataPath is null ? "Data: in memory" : $"Data: {Path.GetFullPath(options.DataPath)}");
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping.");
    }
}

return 0;
