using Connect.Cli;

// The `connect` tool. Exit codes: 0 ok, 1 the API (or the network) refused, 2 a usage or configuration error.
return await ConnectCli.RunAsync(args, CliHost.FromConsole()).ConfigureAwait(false);
