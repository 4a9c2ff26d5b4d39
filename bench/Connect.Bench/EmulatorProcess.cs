using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Connect.Bench;

/// <summary>
/// The emulator as a separate process (<c>dotnet emulator/Connect.Emulator.dll --port 0 --seed demo</c>), so the
/// harness's CPU and memory figures are the client's alone. Disposing kills it, whatever happened.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ApiKey = "ApiKey SU-000-000-000:emulator";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
        Control = new HttpClient { BaseAddress = new Uri(root, "emulator/v1/"), Timeout = TimeSpan.FromMinutes(10) };
        Control.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The public API base, <c>http://127.0.0.1:port/public/v1</c>.</summary>
    public string PublicUrl => new Uri(Root, "public/v1").ToString();

    /// <summary>A plain client on the control API (<c>/emulator/v1/</c>), authenticated.</summary>
    public HttpClient Control { get; }

    /// <summary>The emulator process's id (to read its own CPU time).</summary>
    public int ProcessId => _process.Id;

    public static async Task<EmulatorProcess> StartAsync(CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "emulator", "Connect.Emulator.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The emulator was not built next to the harness: {dll} is missing. Build bench/Connect.Bench.", dll);
        }

        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        DotnetHost.Isolate(info);
        foreach (var arg in new[] { dll, "--port", "0", "--seed", "demo", "--host", "127.0.0.1" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The emulator process did not start.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (line is null)
                {
                    var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                    throw new InvalidOperationException($"The emulator exited before listening: {error}");
                }

                const string Marker = "listening on ";
                var at = line.IndexOf(Marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var url = new Uri(line[(at + Marker.Length)..].Trim());
                    // Keep draining its output so it never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new EmulatorProcess(process, new Uri(url.GetLeftPart(UriPartial.Authority) + "/"));
                }
            }
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Generates <paramref name="count"/> pending purchases; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> GenerateAsync(string productId, int count, CancellationToken cancellationToken)
    {
        var ids = new List<string>(count);
        // The control API takes at most 1,000,000 per call.
        for (var left = count; left > 0;)
        {
            var batch = Math.Min(left, 1_000_000);
            using var response = await Control.PostAsJsonAsync(
                "requests/generate", new JsonObject { ["product_id"] = productId, ["count"] = batch }, cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, "generate", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            ids.AddRange(body!["ids"]!.AsArray().Select(n => n!.GetValue<string>()));
            left -= batch;
        }

        return ids;
    }

    /// <summary>
    /// Lists up to <paramref name="pages"/> pages of a query, unmeasured, so the emulator has built its filter cache and
    /// tiered up its list path before a measurement (otherwise whichever client goes first meets slower server code).
    /// </summary>
    public async Task WarmListAsync(Connect.Sdk.Rql.Query query, int pages, CancellationToken cancellationToken)
    {
        for (int page = 0, offset = 0; page < pages; page++, offset += 100)
        {
            var url = new Uri(Root, "public/v1/requests?" + query.Clone().Limit(100).Offset(offset).Compile());
            using var response = await Control.GetAsync(url, cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, "list", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length <= 2)
            {
                if (offset == 0)
                {
                    return;
                }

                offset = -100; // past the end: start again from the first page
            }
        }
    }

    /// <summary>Every audit entry (status changes), oldest first.</summary>
    public async Task<List<AuditEntry>> ReadAuditAsync(CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        while (true)
        {
            using var response = await Control.GetAsync(
                string.Create(CultureInfo.InvariantCulture, $"audit?limit=1000&offset={entries.Count}"), cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, "audit", cancellationToken).ConfigureAwait(false);
            var page = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken).ConfigureAwait(false);
            if (page is null || page.Count == 0)
            {
                return entries;
            }

            entries.AddRange(page.Select(e => new AuditEntry(
                (string)e!["object_id"]!, (string)e["collection"]!, (string?)e["from"], (string?)e["to"], (string?)e["action"])));
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
    }

    /// <summary>The emulator's CPU time so far (it is a separate process).</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        Kill(_process);
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed anyway; nothing more to do.
        }

        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>One status change in the emulator's audit log.</summary>
internal sealed record AuditEntry(string ObjectId, string Collection, string? From, string? To, string? Action);

/// <summary>Where the <c>dotnet</c> host is, to start the emulator and the measurement workers.</summary>
internal static class DotnetHost
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>
    /// Keeps a profiler's settings away from child processes: under <c>dotnet-trace collect -- ...</c> the harness is
    /// traced, and a child inheriting the diagnostic port would wait for a tracer that never comes.
    /// </summary>
    public static void Isolate(ProcessStartInfo info)
    {
        info.Environment.Remove("DOTNET_DiagnosticPorts");
        info.Environment.Remove("DOTNET_DefaultDiagnosticPortSuspend");
    }
}
