using BenchmarkDotNet.Attributes;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Bench.Micro;

/// <summary>Compiling queries to RQL text: the connect-sdk-style <see cref="Query"/> and the composable <see cref="R"/>.</summary>
[MemoryDiagnoser]
public class RqlBenchmarks
{
    private static readonly string[] Products = ["PRD-100-200-300", "PRD-400-500-600", "PRD-700-800-900"];

    private Query _built = null!;

    [GlobalSetup]
    public void Setup() => _built = ConnectSdkStyle();

    /// <summary>The engines' default filter, built and compiled (what a poll does).</summary>
    [Benchmark(Baseline = true)]
    public string ConnectSdkStyleBuildAndCompile() => ConnectSdkStyle().Compile();

    /// <summary>A query with and/or/not, quoting and percent-encoding, built with <see cref="R"/> and compiled.</summary>
    [Benchmark]
    public string ExpressionBuildAndCompile() =>
        new Query(
                R.Field("asset.product.id").In(Products)
                & (R.Field("status").Eq(RequestStatus.Pending) | R.Field("status").Eq(RequestStatus.Inquiring))
                & !R.Field("asset.tiers.customer.name").Eq("mr Loop & Sons")
                & R.Field("created").Ge(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)))
            .Select("-activation_key")
            .Ordering("-created")
            .Limit(100)
            .Offset(200)
            .Compile();

    /// <summary>Compiling an already built query (the listing recompiles it per page).</summary>
    [Benchmark]
    public string CompileOnly() => _built.Compile();

    private static Query ConnectSdkStyle() =>
        new Query().In("asset.product.id", Products).Equal("status", RequestStatus.Pending).Limit(100);
}
