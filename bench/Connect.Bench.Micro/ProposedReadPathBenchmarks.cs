using System.Reflection;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Connect.Sdk;

namespace Connect.Bench.Micro;

/// <summary>
/// DIAGNOSTIC, for the SDK's owners: the SDK's own serializer options (internal <c>ConnectJson.Options</c>, reached by
/// reflection) on a page of 100 recorded requests, read as the transport does today (UTF-8 → string → models) and as
/// proposed (UTF-8 bytes → models, no string). It estimates what changing <c>ConnectTransport.ReadJsonAsync</c> would save.
/// </summary>
[MemoryDiagnoser]
public class ProposedReadPathBenchmarks
{
    private byte[] _page = null!;
    private JsonSerializerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var one = File.ReadAllText(Fixtures.Path("request_purchase.json"));
        _page = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(one, 100)) + "]");
        _options = (JsonSerializerOptions)typeof(ConnectClient).Assembly.GetType("Connect.Sdk.ConnectJson", throwOnError: true)!
            .GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>Today: the body as a string, then the models.</summary>
    [Benchmark(Baseline = true)]
    public int ViaString() => JsonSerializer.Deserialize<List<FulfillmentRequest>>(Encoding.UTF8.GetString(_page), _options)!.Count;

    /// <summary>Proposed: the models straight from the UTF-8 bytes (or the response stream).</summary>
    [Benchmark]
    public int FromUtf8() => JsonSerializer.Deserialize<List<FulfillmentRequest>>(_page, _options)!.Count;

    /// <summary>Proposed, streaming: from a stream, as <c>ReadAsStreamAsync</c> would give.</summary>
    [Benchmark]
    public async Task<int> FromStream()
    {
        using var stream = new MemoryStream(_page, writable: false);
        return (await JsonSerializer.DeserializeAsync<List<FulfillmentRequest>>(stream, _options).ConfigureAwait(false))!.Count;
    }
}
