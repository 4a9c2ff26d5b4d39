using System.Net.Http.Headers;
using System.Text;

namespace Connect.Bench;

/// <summary>
/// <c>emulator</c>: the emulator's own throughput for list pages and for approvals, driven by plain
/// <see cref="HttpClient"/> over several connections, so it is known not to be what limits the client scenarios.
/// </summary>
internal static class EmulatorScenario
{
    public static async Task<Figures> RunAsync(int requests, int pages, int connections, int pageSize, CancellationToken cancellationToken)
    {
        var figures = new Figures("emulator");
        figures.Add("requests", requests);
        figures.Add("pages", pages);
        figures.Add("connections", connections);
        figures.Add("page_size", pageSize);

        await using var emulator = await EmulatorProcess.StartAsync(cancellationToken).ConfigureAwait(false);
        var ids = await emulator.GenerateAsync(Scenarios.Product, requests, cancellationToken).ConfigureAwait(false);
        await emulator.WarmListAsync(Scenarios.Generated(), 100, cancellationToken).ConfigureAwait(false);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = new Uri(emulator.PublicUrl + "/"),
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", EmulatorProcess.ApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // List pages at offsets spread over the generated requests.
        long listed = 0;
        var pageCount = Math.Max(1, requests / pageSize);
        var lists = await MeasureAsync(emulator, pages, connections, async i =>
        {
            var query = Scenarios.Generated().Limit(pageSize).Offset(i % pageCount * pageSize).Compile();
            using var response = await http.GetAsync("requests?" + query, cancellationToken).ConfigureAwait(false);
            await EmulatorProcess.EnsureAsync(response, "list", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref listed, body.Length);
        }).ConfigureAwait(false);
        figures.Add("list_pages_per_s", pages / lists.Wall.TotalSeconds, 1);
        figures.Add("list_items_per_s", pages * (double)pageSize / lists.Wall.TotalSeconds, 0);
        figures.Add("list_emulator_cpu_ms_per_page", lists.ServerCpu.TotalMilliseconds / pages);
        figures.Add("list_mb_per_s", listed / 1024.0 / 1024.0 / lists.Wall.TotalSeconds, 1);

        // Fill the required parameter (PUT), then approve: the two calls the fulfill scenario makes per request.
        var puts = await MeasureAsync(emulator, ids.Count, connections, async i =>
        {
            using var body = Json("{\"asset\":{\"params\":[{\"id\":\"" + Scenarios.RequiredFulfillmentParameter + "\",\"value\":\"SUB-" + ids[i] + "\"}]}}");
            using var response = await http.PutAsync("requests/" + ids[i], body, cancellationToken).ConfigureAwait(false);
            await EmulatorProcess.EnsureAsync(response, "put", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        figures.Add("puts_per_s", ids.Count / puts.Wall.TotalSeconds, 1);
        figures.Add("put_emulator_cpu_ms", puts.ServerCpu.TotalMilliseconds / ids.Count);

        var approvals = await MeasureAsync(emulator, ids.Count, connections, async i =>
        {
            using var body = Json($$"""{"template_id":"{{Scenarios.ActivationTemplate}}"}""");
            using var response = await http.PostAsync("requests/" + ids[i] + "/approve", body, cancellationToken).ConfigureAwait(false);
            await EmulatorProcess.EnsureAsync(response, "approve", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        figures.Add("approvals_per_s", ids.Count / approvals.Wall.TotalSeconds, 1);
        figures.Add("approve_emulator_cpu_ms", approvals.ServerCpu.TotalMilliseconds / ids.Count);

        var audit = await emulator.ReadAuditAsync(cancellationToken).ConfigureAwait(false);
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var approved = audit.Count(e => e.Collection == "requests" && e.To == "approved" && wanted.Contains(e.ObjectId));
        figures.Add("audit_approved", approved);
        figures.Check(approved == ids.Count, $"audit: {approved} approvals, expected {ids.Count}");
        return figures;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<(TimeSpan Wall, TimeSpan ServerCpu)> MeasureAsync(
        EmulatorProcess emulator, int operations, int connections, Func<int, Task> operation)
    {
        var next = -1;
        var serverCpu = emulator.ProcessorTime();
        var meter = new ProcessMeter();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                await operation(i).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        var wall = meter.Stop().Wall;
        return (wall, emulator.ProcessorTime() - serverCpu);
    }
}
