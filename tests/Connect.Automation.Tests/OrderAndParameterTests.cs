using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>The per-asset order rule under concurrency, and parameter updates that change nothing are not sent.</summary>
public sealed class OrderAndParameterTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private static readonly string[] SharedAssets = ["AS-SHARED-1", "AS-SHARED-2", "AS-SHARED-3", "AS-SHARED-4"];

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void DefaultMaxConcurrency_IsAboveOne()
    {
        Assert.Equal(AutomationOptions.DefaultMaxConcurrency, new AutomationOptions().MaxConcurrency);
        Assert.True(AutomationOptions.DefaultMaxConcurrency > 1);
    }

    [Fact]
    public async Task ProcessAsync_RequestsOnSharedAssets_NeverOverlapAndRunInCreationOrder()
    {
        // The emulator, like Connect, keeps one open request per asset (REQ_005), so the requests are generated (one
        // asset each) and listed from the emulator by a kind that puts them on four shared assets, round-robin: each
        // asset's requests are interleaved with the others' in the listing, which is in creation order.
        var ids = await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 24);
        var assetOf = ids.Select((id, i) => (id, asset: SharedAssets[i % SharedAssets.Length])).ToDictionary(p => p.id, p => p.asset, StringComparer.Ordinal);
        var inHandler = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var handled = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        var overlaps = new ConcurrentQueue<string>();
        var running = 0;
        var mostAtOnce = 0;
        using var client = emulator.NewClient();
        var handler = new DelegateHandler<FulfillmentRequest>(async (request, _, ct) =>
        {
            var asset = request.Asset!.Id!;
            if (inHandler.AddOrUpdate(asset, 1, (_, n) => n + 1) > 1)
            {
                overlaps.Enqueue(asset + " " + request.Id);
            }

            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref running));
            handled.GetOrAdd(asset, _ => new ConcurrentQueue<string>()).Enqueue(request.Id!);
            await Task.Delay(30, ct);
            Interlocked.Decrement(ref running);
            inHandler.AddOrUpdate(asset, 0, (_, n) => n - 1);
            return ProcessResult.Skip();
        });
        var engine = new AutomationEngine<FulfillmentRequest>(
            new SharedAssetKind(assetOf), client, handler, new AutomationOptions { MaxConcurrency = 8, Query = new Query().In("id", ids) }, null, null);

        var report = await engine.ProcessAsync();

        Assert.Equal(ids.Count, report.Items.Count);
        Assert.Empty(report.Errors);
        Assert.Empty(overlaps);
        foreach (var asset in SharedAssets)
        {
            Assert.Equal(ids.Where(id => assetOf[id] == asset), handled[asset]);
        }

        // Different assets did run in parallel.
        Assert.True(mostAtOnce > 1, $"at most {mostAtOnce} handler(s) ran at once");
    }

    [Fact]
    public async Task UpdateParametersAsync_NothingChanged_SendsNoPut()
    {
        const string id = "PR-0001-0001-0001-001";
        using var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var options = new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl, ApiKey = emulator.Host.ApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        using var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options, counting));
        using var client = new ConnectClient(options, http);
        var engine = new DelegateFulfillment(client, async (request, context, ct) =>
        {
            // The handler modifies the listed object itself (a common pattern): the comparison is with the listed values.
            var email = request.GetParam("customer_email")!;
            var listed = email.Value;
            await context.UpdateParametersAsync([new Param { Id = "customer_email", Value = listed }], cancellationToken: ct);
            email.Value = "changed@example.com";
            await context.UpdateParametersAsync([email], cancellationToken: ct);
            await context.UpdateParametersAsync([new Param { Id = "customer_email", Value = "changed@example.com" }], cancellationToken: ct);
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-1" }], cancellationToken: ct);
            await context.UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-1" }], cancellationToken: ct);
            return ProcessResult.Skip();
        }, new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Single(report.Items);
        Assert.Empty(report.Errors);
        Assert.Equal(2, counting.Count(HttpMethod.Put, "/requests/" + id));
        var after = await client.Requests.GetAsync(id);
        Assert.Equal("changed@example.com", after.GetParam("customer_email")!.Value);
        Assert.Equal("SUB-1", after.GetParam("subscription_id")!.Value);
    }

    [Fact]
    public async Task Inquire_ParametersUnchanged_SendsNoPutButInquires()
    {
        // The inquire's parameter update carries the listed value only: no PUT, the inquire itself still goes out.
        const string id = "PR-0001-0001-0001-001";
        using var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var options = new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl, ApiKey = emulator.Host.ApiKey, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        using var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options, counting));
        using var client = new ConnectClient(options, http);
        var listedValue = (await client.Requests.GetAsync(id)).GetParam("customer_email")!.Value;
        var engine = new DelegateFulfillment(client, (_, _, _) => Task.FromResult(
            ProcessResult.Inquire([new Param { Id = "customer_email", Value = listedValue }], EmulatorFixture.InquireTemplate)),
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(0, counting.Count(HttpMethod.Put, "/requests/" + id));
        Assert.Equal("inquiring", (await client.Requests.GetAsync(id)).Status);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>Lists the emulator's requests, each moved onto its shared asset.</summary>
    private sealed class SharedAssetKind(Dictionary<string, string> assetOf) : FulfillmentKind
    {
        public override async IAsyncEnumerable<FulfillmentRequest> ListAsync(
            ConnectClient client, Query query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var request in base.ListAsync(client, query, cancellationToken))
            {
                request.Asset!.Id = assetOf[request.Id!];
                yield return request;
            }
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<(HttpMethod Method, string Path)> _calls = new();

        public int Count(HttpMethod method, string pathEnd) =>
            _calls.Count(c => c.Method == method && c.Path.EndsWith(pathEnd, StringComparison.Ordinal));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _calls.Enqueue((request.Method, request.RequestUri!.AbsolutePath));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
