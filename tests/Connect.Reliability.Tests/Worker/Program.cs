// A processor process for the replica and crash tests:
//   CONNECT_API_URL, CONNECT_API_KEY   the emulator
//   RELIABILITY_IDS_FILE               the ids to approve, one a line
// Drains (at most 30 runs), prints one line per run, exits 0 when a run found nothing left, else 1.
using Connect.Automation;
using Connect.Reliability.Worker;
using Connect.Sdk;

var ids = (await File.ReadAllLinesAsync(Environment.GetEnvironmentVariable("RELIABILITY_IDS_FILE")!))
    .Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
using var client = new ConnectClient(new ConnectClientOptions
{
    Endpoint = Environment.GetEnvironmentVariable("CONNECT_API_URL")!,
    ApiKey = Environment.GetEnvironmentVariable("CONNECT_API_KEY")!,
    Products = [ApproveListed.Product],
    RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    MaxRetries = 8,
});
var concurrency = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_CONCURRENCY"), out var c) ? c : 4;
var result = await ApproveListed.DrainAsync(
    () => new ApproveListed(client, ids, new AutomationOptions { MaxConcurrency = concurrency }), 30, Console.WriteLine);
Console.WriteLine("done: " + result);
return result.Finished ? 0 : 1;
