// Connect.Bench: the performance harness. `dotnet run -c Release --project bench/Connect.Bench -- <scenario> [options] [--json]`.
// See docs/benchmarks.md for what each figure means. Nothing here asserts a time: a run fails only when a count is wrong.
using System.CommandLine;
using Connect.Bench;

if (args.Length > 0 && args[0] == Workers.Command)
{
    return await Workers.MainAsync(args[1..]).ConfigureAwait(false);
}

var json = new Option<bool>("--json") { Description = "Print one JSON object with every figure.", Recursive = true };
var root = new RootCommand("Connect for .NET performance harness. The emulator runs as a separate process on 127.0.0.1.");
root.Options.Add(json);

var count = Positive("--count", 1000, "How many pending requests to generate.");
var concurrency = new Option<int?>("--concurrency") { Description = "AutomationOptions.MaxConcurrency; without it the library's default settings are used (the JSON names the value)." };
concurrency.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int?>() is < 1)
    {
        r.AddError("--concurrency must be at least 1.");
    }
});
var latency = new Option<int>("--latency-ms") { Description = "Latency added to every call by the emulator (0 = none).", DefaultValueFactory = _ => 0 };
var warmup = new Option<int>("--warmup") { Description = "Requests per warm-up round (no injected latency, not measured); rounds repeat until the JIT settles. 0 = none.", DefaultValueFactory = _ => 500 };
var fulfillBaseline = new Option<bool>("--baseline") { Description = "Then drain N more with a plain HttpClient + JsonDocument making the same calls (the HTTP stack's own cost)." };
var fulfill = new Command("fulfill", "Drain N pending purchases with a FulfillmentAutomation (fill a parameter, approve by template).")
{
    count, concurrency, latency, warmup, fulfillBaseline,
};
fulfill.SetAction((result, ct) => Run(result, FulfillScenario.RunAsync(
    result.GetValue(count), result.GetValue(concurrency), result.GetValue(latency), result.GetValue(warmup), result.GetValue(fulfillBaseline), ct)));
root.Subcommands.Add(fulfill);

var listCount = Positive("--count", 10_000, "How many requests to generate and list.");
var pageSize = Positive("--page-size", 100, "Page size of both the SDK and the baseline (the SDK's default is 100).");
var repeat = Positive("--repeat", 1, "Measurements of each (fresh worker process each); figures are medians, peaks are maxima.");
var diagnose = new Option<bool>("--diagnose") { Description = "Also measure the SDK over a plain HttpClient (without its retry pipeline)." };
var list = new Command("list", "Stream N requests through client.Requests.ListAsync and through a plain HttpClient + JsonDocument baseline.")
{
    listCount, pageSize, repeat, diagnose,
};
list.SetAction((result, ct) => Run(result, ListScenario.RunAsync(
    result.GetValue(listCount), result.GetValue(pageSize), result.GetValue(repeat), result.GetValue(diagnose), ct)));
root.Subcommands.Add(list);

var records = Positive("--records", 1_000_000, "How many usage records to write.");
var upload = new Option<bool>("--upload") { Description = "Also upload the file to the emulator with client.SubmitUsageAsync." };
var usage = new Command("usage", "Write N usage records with UsageSpreadsheetWriter (and upload them).") { records, upload };
usage.SetAction((result, ct) => Run(result, UsageScenario.RunAsync(result.GetValue(records), result.GetValue(upload), ct)));
root.Subcommands.Add(usage);

var emuRequests = Positive("--requests", 2000, "Requests to generate, then PUT and approve.");
var pages = Positive("--pages", 500, "List pages to fetch.");
var connections = Positive("--connections", 4, "Concurrent connections.");
var emuPageSize = Positive("--page-size", 100, "Page size.");
var emulatorCommand = new Command("emulator", "The emulator's own throughput for list pages, parameter updates and approvals.")
{
    emuRequests, pages, connections, emuPageSize,
};
emulatorCommand.SetAction((result, ct) => Run(result, EmulatorScenario.RunAsync(
    result.GetValue(emuRequests), result.GetValue(pages), result.GetValue(connections), result.GetValue(emuPageSize), ct)));
root.Subcommands.Add(emulatorCommand);

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

async Task<int> Run(ParseResult result, Task<Figures> scenario)
{
    var figures = await scenario.ConfigureAwait(false);
    return figures.Print(result.GetValue(json));
}

static Option<int> Positive(string name, int defaultValue, string description)
{
    var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
    option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() < 1)
        {
            r.AddError($"{name} must be at least 1.");
        }
    });
    return option;
}
