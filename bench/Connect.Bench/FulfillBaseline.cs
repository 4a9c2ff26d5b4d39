using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Connect.Bench;

/// <summary>
/// The floor of the <c>fulfill</c> scenario: the same HTTP calls (list pending pages, <c>PUT</c> the parameter,
/// <c>POST .../approve</c>) made with a plain <see cref="HttpClient"/> and <see cref="JsonDocument"/>, no SDK, no
/// retry pipeline, no models. Its client CPU per request is what the runtime's HTTP stack costs on this machine; the
/// SDK's figure minus this one is what the SDK adds.
/// </summary>
internal static class FulfillBaseline
{
    public static async Task<(int Approved, TimeSpan Wall, TimeSpan Cpu, long Allocated, long Calls)> RunAsync(
        EmulatorProcess emulator, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(emulator.PublicUrl.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", EmulatorProcess.ApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var query = Scenarios.PendingGenerated();
        long calls = 0;
        var approved = 0;

        var meter = new ProcessMeter();
        // Pending requests leave the filter once approved, so each round lists the first pages again.
        while (true)
        {
            var ids = new List<string>();
            for (var offset = 0; ; offset += 100)
            {
                using var response = await http.GetAsync("requests?" + query.Clone().Limit(100).Offset(offset).Compile(), cancellationToken).ConfigureAwait(false);
                calls++;
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var item in page.RootElement.EnumerateArray())
                {
                    ids.Add(item.GetProperty("id").GetString()!);
                }

                if (page.RootElement.GetArrayLength() < 100)
                {
                    break;
                }
            }

            if (ids.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (id, ct) =>
            {
                var put = $"{{\"asset\":{{\"params\":[{{\"id\":\"{Scenarios.RequiredFulfillmentParameter}\",\"value\":\"SUB-{id}\"}}]}}}}";
                await SendAsync(http, HttpMethod.Put, "requests/" + id, put, ct).ConfigureAwait(false);
                var status = await SendAsync(http, HttpMethod.Post, "requests/" + id + "/approve", $"{{\"template_id\":\"{Scenarios.ActivationTemplate}\"}}", ct).ConfigureAwait(false);
                Interlocked.Add(ref calls, 2);
                if (status == "approved")
                {
                    Interlocked.Increment(ref approved);
                }
            }).ConfigureAwait(false);
        }

        var (wall, cpu, allocated) = meter.Stop();
        return (approved, wall, cpu, allocated, calls);
    }

    private static async Task<string?> SendAsync(HttpClient http, HttpMethod method, string path, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
