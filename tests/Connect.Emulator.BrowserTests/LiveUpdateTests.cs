using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Connect.Emulator.BrowserTests;

/// <summary>
/// The list page follows changes made elsewhere (another client, the processor) without a reload. The time from a
/// change's API answer to its row on the page is written to the artifacts (live-update-latency.txt) and the test
/// output for docs/emulator.md; it is measured, never asserted.
/// </summary>
public sealed class LiveUpdateTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Changes = 20;

    private const string MeasureScript = """
        async body => {
          const response = await fetch('/emulator/v1/requests', {
            method: 'POST', credentials: 'same-origin', body,
            headers: { 'Content-Type': 'application/json', 'X-Connect-Dashboard': '1' },
          });
          const id = (await response.json()).id;
          const start = performance.now();
          const selector = `tr[data-id='${id}']`;
          if (document.querySelector(selector)) return { Id: id, Ms: 0 };
          return await new Promise(resolve => {
            const observer = new MutationObserver(() => {
              if (document.querySelector(selector)) {
                observer.disconnect();
                resolve({ Id: id, Ms: performance.now() - start });
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
        }
        """;

    [BrowserFact]
    public async Task RequestList_PurchasesCreatedElsewhereThenProcessed_AppearAndTurnApprovedWithoutReload()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        await page.GotoAsync(env.Emulator.DashboardUrl + "/requests?product=" + DashboardEnvironment.TierProduct);
        await env.WaitLiveAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var ids = new List<string>();
        var latencies = new List<double>();
        for (var n = 0; n < Changes; n++)
        {
            var body = new JsonObject
            {
                ["product_id"] = DashboardEnvironment.TierProduct,
                ["customer_id"] = "TA-1000-0000-0001",
                ["tier1_id"] = "TA-2000-0000-0001",
                ["params"] = new JsonArray(
                    new JsonObject { ["id"] = "tenant_domain", ["value"] = $"live-{n}" },
                    new JsonObject { ["id"] = "customer_email", ["value"] = "it@acme.example" }),
            };
            // Measured inside the page: from the create call's answer to the row's insertion (a MutationObserver),
            // so the figure is the dashboard's own delay, not the test harness's polling.
            var result = await page.EvaluateAsync<Measurement>(MeasureScript, body.ToJsonString());
            var id = result.Id;
            latencies.Add(result.Ms);
            await Expect(page.Locator($"tr[data-id='{id}'] .status")).ToHaveTextAsync("pending");
            ids.Add(id);
        }

        await env.RunProcessorOnceAsync();

        foreach (var id in ids)
        {
            await Expect(page.Locator($"tr[data-id='{id}'] .status")).ToHaveTextAsync("approved");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await env.ScreenshotAsync("dashboard-live-list");
        Report(latencies);
    }

    /// <summary>What the page script returns (Playwright fills it by property name).</summary>
    public sealed class Measurement
    {
        public string Id { get; set; } = string.Empty;

        public double Ms { get; set; }
    }

    private void Report(List<double> latencies)
    {
        latencies.Sort();
        string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var line = $"live update (API answer -> row on page, server-sent events), {latencies.Count} changes: "
            + $"median {Ms(latencies[latencies.Count / 2])} ms, p90 {Ms(latencies[(int)(latencies.Count * 0.9)])} ms, max {Ms(latencies[^1])} ms";
        output.WriteLine(line);
        File.WriteAllText(Path.Combine(Chromium.ArtifactsDirectory, "live-update-latency.txt"), line + Environment.NewLine);
    }
}
