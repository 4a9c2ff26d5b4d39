using Connect.Emulator;

namespace Connect.Testing;

/// <summary>How a <see cref="ConnectEmulator"/> starts and what it holds after every reset.</summary>
public sealed class ConnectEmulatorOptions
{
    /// <summary><c>demo</c> (the default: the demo catalog and requests of docs/emulator.md) or <c>none</c> (empty).</summary>
    public string Seed { get; set; } = "demo";

    /// <summary>The API key the emulator accepts and the client sends; the emulator's default key when not set.</summary>
    public string ApiKey { get; set; } = EmulatorOptions.DefaultApiKey;

    /// <summary>The emulator's clock for timestamps (a <c>FakeTimeProvider</c> makes them predictable).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The test's own objects, stored after the Python connect-sdk at start and after every reset.</summary>
    public EmulatorSeed Data { get; } = new();

    /// <summary>Product ids the processor options name; the demo product when empty.</summary>
    public IList<string> Products { get; } = [];
}
