using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Connect.Bench;

/// <summary>How network latency is added for a scenario; one call (<see cref="ApplyAsync"/>) sets it up.</summary>
/// <param name="Mode"><c>none</c>, or <c>server</c> (a latency rule in the emulator's fault injection).</param>
/// <param name="LatencyMs">Milliseconds the emulator waits before answering each public API call.</param>
internal sealed record LatencySetup(string Mode, int LatencyMs)
{
    /// <summary>
    /// Makes every public API call of the emulator answer <paramref name="latencyMs"/> later: a <c>latency</c> rule on
    /// <c>/public/v1/**</c> through the emulator's fault API (<c>PUT /emulator/v1/faults</c>). The delay is the server's,
    /// as on a real network: the client waits on an open connection and spends no CPU on it.
    /// </summary>
    public static async Task<LatencySetup> ApplyAsync(EmulatorProcess emulator, int latencyMs, CancellationToken cancellationToken)
    {
        if (latencyMs <= 0)
        {
            return new LatencySetup("none", 0);
        }

        var body = new JsonObject
        {
            ["seed"] = 1,
            ["rules"] = new JsonArray(new JsonObject
            {
                ["route"] = "/public/v1/**",
                ["method"] = "*",
                ["kind"] = "latency",
                ["latencyMs"] = latencyMs,
            }),
        };
        using var response = await emulator.Control.PutAsJsonAsync("faults", body, cancellationToken).ConfigureAwait(false);
        await EmulatorProcess.EnsureAsync(response, "PUT /emulator/v1/faults", cancellationToken).ConfigureAwait(false);
        return new LatencySetup("server", latencyMs);
    }

    /// <summary>How many calls the latency rule delayed (<c>GET /emulator/v1/faults</c>), to show it fired.</summary>
    public static async Task<long> InjectedAsync(EmulatorProcess emulator, CancellationToken cancellationToken)
    {
        var state = await emulator.Control.GetFromJsonAsync<JsonObject>("faults", cancellationToken).ConfigureAwait(false);
        return state?["injected"]?["latency"]?.GetValue<long>() ?? 0;
    }
}
