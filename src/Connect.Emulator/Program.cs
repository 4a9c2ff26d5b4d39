using Connect.Emulator.Cli;

// `dotnet run --project src/Connect.Emulator`: the same command as the `connect-emulator` tool; runs until Ctrl+C or SIGTERM.
return await CommandLine.InvokeAsync(CommandLine.CreateRootCommand(), args).ConfigureAwait(false);
