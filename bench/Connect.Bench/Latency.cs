using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Connect.Bench;

/// <summary>How network latency is added for a scenario; one call sets it up.</summary>
/// <param name="Mode"><c>none</c>, <c>server</c> (the emulator's fault rules) or <c>client-stand-in</c>.</param>
/// <param name="LatencyMs">Milliseconds added to every call.</param>
internal sealed record LatencySetup(string Mode, int LatencyMs)
{
    /// <summary>The innermost handler of the client under test: sockets, plus the stand-in delay when needed.</summary>
    public HttpMessageHandler CreateInnerHandler()
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        return Mode == "client-stand-in" ? new StandInDelayHandler(TimeSpan.FromMilliseconds(LatencyMs)) { InnerHandler = sockets } : sockets;
    }

    /// <summary>
    /// Makes every public API call of the emulator answer <paramref name="latencyMs"/> later: a latency rule through
    /// the emulator's fault API (<c>PUT /emulator/v1/faults</c>), so the delay is server-side as on a real network.
    /// If the emulator does not have the fault API, a client-side delay stands in, and the figures say so.
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
                ["probability"] = 1.0,
            }),
        };
        using var response = await emulator.Control.PutAsJsonAsync("faults", body, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // STAND-IN until the emulator's fault injection is merged: not the final design (the delay is then paid
            // inside the client process, on the client's connection, not by the server).
            return new LatencySetup("client-stand-in", latencyMs);
        }

        await EmulatorProcess.EnsureAsync(response, "faults", cancellationToken).ConfigureAwait(false);
        return new LatencySetup("server", latencyMs);
    }

    /// <summary>STAND-IN for server-side latency: delays each call before it is sent.</summary>
    private sealed class StandInDelayHandler(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
