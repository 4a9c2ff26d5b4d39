using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using Xunit;

namespace Connect.Testing;

/// <summary>
/// An xunit fixture (<c>IClassFixture&lt;ConnectEmulatorFixture&gt;</c> or a collection fixture) holding one
/// <see cref="ConnectEmulator"/> for a test class. Tests call <see cref="ResetAsync"/> first when they change state.
/// Derive from it and override <see cref="Configure"/> to change the Python connect-sdk or store the tests' own objects.
/// </summary>
public class ConnectEmulatorFixture : IAsyncLifetime
{
    private ConnectEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    /// <exception cref="InvalidOperationException">Used before xunit initialized the fixture.</exception>
    public ConnectEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started: xunit starts it before the first test of the class.");

    /// <summary>A client of the emulator.</summary>
    public ConnectClient Client => Emulator.Client;

    /// <summary>The emulator's control API.</summary>
    public EmulatorControl Control => Emulator.Control;

    /// <summary>Back to the state after start (see <see cref="ConnectEmulator.ResetAsync"/>).</summary>
    /// <returns>A task that completes once reset.</returns>
    public Task ResetAsync() => Emulator.ResetAsync();

    /// <summary>Stores built fulfillment requests exactly as they are.</summary>
    /// <param name="requests">The requests.</param>
    /// <returns>A task that completes once stored.</returns>
    public Task SeedAsync(params FulfillmentRequest[] requests) => Emulator.SeedAsync(requests);

    /// <summary>Processor settings for the emulator (see <see cref="ConnectEmulator.ProcessorSettings"/>).</summary>
    /// <returns>Key/value settings.</returns>
    public Dictionary<string, string?> ProcessorSettings() => Emulator.ProcessorSettings();

    /// <summary>Processor options for the emulator.</summary>
    /// <returns>New options.</returns>
    public ProcessorOptions ProcessorOptions() => Emulator.ProcessorOptions();

    /// <summary>Starts the emulator (called by xunit).</summary>
    /// <returns>A task that completes once started.</returns>
    public async Task InitializeAsync()
    {
        var options = new ConnectEmulatorOptions();
        Configure(options);
        _emulator = await ConnectEmulator.StartAsync(options).ConfigureAwait(false);
    }

    /// <summary>Stops the emulator (called by xunit).</summary>
    /// <returns>A task that completes once stopped.</returns>
    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Changes how the emulator starts (seed, key, clock, the tests' own objects); nothing by default.</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(ConnectEmulatorOptions options)
    {
    }
}
