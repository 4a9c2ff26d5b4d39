namespace Connect.Emulator;

/// <summary>Settings of one emulator instance (command-line options map one to one onto these).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The API key the emulator accepts when <see cref="ApiKeys"/> is empty.</summary>
    public const string DefaultApiKey = "ApiKey SU-000-000-000:emulator";

    /// <summary>Interface to listen on; default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; <c>0</c> (the default here) picks a free port. The command line defaults to 8080.</summary>
    public int Port { get; set; }

    /// <summary>SQLite file holding the state; null keeps everything in memory (lost on stop).</summary>
    public string? DataPath { get; set; }

    /// <summary><c>demo</c> (default) loads the demo catalog and requests into an empty store; <c>none</c> starts empty.</summary>
    public string Seed { get; set; } = "demo";

    /// <summary>Accepted <c>Authorization</c> values (<c>ApiKey &lt;id&gt;:&lt;secret&gt;</c>); empty means <see cref="DefaultApiKey"/>.</summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Largest accepted request body in bytes (uploads included); default 50 MB.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>JSON file of fault rules active from the start (see docs/emulator.md, "Fault injection"); null = no faults.</summary>
    public string? FaultsFile { get; set; }

    /// <summary>Clock for timestamps; defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lowest log level written to the console; default <see cref="LogLevel.Warning"/> (quiet in-process).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Host must not be empty.", nameof(Host));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 and 65535.");
        }

        if (Seed is not ("demo" or "none"))
        {
            throw new ArgumentException($"Seed must be 'demo' or 'none', not '{Seed}'.", nameof(Seed));
        }

        if (MaxUploadBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxUploadBytes), MaxUploadBytes, "MaxUploadBytes must be positive.");
        }

        foreach (var key in ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("API keys must not be empty.", nameof(ApiKeys));
            }
        }
    }
}
