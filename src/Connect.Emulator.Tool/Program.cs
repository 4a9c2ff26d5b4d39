using Connect.Emulator.Cli;

// The `connect-emulator` tool: the emulator's own command line (same options as `dotnet run --project src/Connect.Emulator`).
return await CommandLine.InvokeAsync(CommandLine.CreateRootCommand("connect-emulator"), args).ConfigureAwait(false);
