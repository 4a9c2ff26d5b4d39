using System.Globalization;

namespace Connect.Bench;

/// <summary>
/// <c>usage</c>: N usage records written with <c>UsageSpreadsheetWriter</c> to a temporary .xlsx (with
/// <c>--upload</c>: reported with <c>client.SubmitUsageAsync</c> to the emulator), in a fresh worker process.
/// </summary>
internal static class UsageScenario
{
    public static async Task<Figures> RunAsync(int records, bool upload, CancellationToken cancellationToken)
    {
        var figures = new Figures("usage");
        figures.Add("records", records);
        figures.Add("upload", upload);
        List<string> args = ["usage", string.Create(CultureInfo.InvariantCulture, $"records={records}")];
        EmulatorProcess? emulator = null;
        try
        {
            if (upload)
            {
                emulator = await EmulatorProcess.StartAsync(cancellationToken).ConfigureAwait(false);
                args.Add($"url={emulator.PublicUrl}");
            }

            var run = await Workers.RunAsync(args, cancellationToken).ConfigureAwait(false);
            var written = (long)run["items"]!;
            figures.Add("written", written);
            figures.Add("seconds", (double)run["seconds"]!);
            figures.Add("records_per_s", (double)run["items_per_s"]!, 0);
            figures.Add("client_cpu_seconds", (double)run["cpu_seconds"]!);
            figures.Add("allocated_mb", (double)run["allocated_mb"]!, 1);
            figures.Add("peak_working_set_mb", (double)run["peak_working_set_mb"]!, 1);
            figures.Add("peak_managed_heap_mb", (double)run["peak_managed_heap_mb"]!, 1);
            figures.Add("file_mb", Machine.Megabytes((long)run["file_bytes"]!));
            figures.Check(written == records, upload
                ? $"the emulator found {written} valid records in the upload, expected {records}"
                : $"wrote {written} records, expected {records}");
            if (upload)
            {
                var status = (string?)run["usage_file_status"];
                figures.Add("usage_file_status", status);
                figures.Check(status == "ready", $"the uploaded usage file is {status ?? "(none)"}, expected ready");
            }
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }

        return figures;
    }
}
