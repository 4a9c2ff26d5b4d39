// BenchmarkDotNet micro-benchmarks of the hot paths: RQL compile, request deserialization, spreadsheet rows.
// dotnet run -c Release --project bench/Connect.Bench.Micro -- --filter '*'             (full runs)
// dotnet run -c Release --project bench/Connect.Bench.Micro -- --filter '*' --job short  (quicker, noisier)
// Results go to bin/.../BenchmarkDotNet.Artifacts unless --artifacts says otherwise.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Connect.Bench.Micro.RqlBenchmarks).Assembly).Run(args, config);
