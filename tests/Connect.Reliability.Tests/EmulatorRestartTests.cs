using System.Text.Json.Nodes;
using Connect.Automation;
using Connect.Emulator;
using Connect.Sdk;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

public sealed class EmulatorRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Emulator_RestartedMidRunOnSamePortAndFile_LosesNoCommittedTransitionAndDoublesNone()
    {
        var n = Checks.Size(300, 2000);
        var dir = Directory.CreateTempSubdirectory("connect-restart-");
        var dataPath = Path.Combine(dir.FullName, "restart.db");
        EmulatorHost? emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", DataPath = dataPath });
        try
        {
            var port = new Uri(emulator.BaseUrl).Port;
            IReadOnlyList<string> ids;
            List<AuditEntry> before;
            using (var control = new Control(emulator))
            {
                ids = await control.GenerateAsync(ApproveListed.Product, n);
                await control.SetFaultsAsync(JsonNode.Parse("""{"seed":3,"rules":[{"route":"/public/v1/**","kind":"latency","latencyMs":5,"jitterMs":5}]}""")!);
            }

            using var client = new ConnectClient(new ConnectClientOptions
            {
                Endpoint = emulator.BaseUrl,
                ApiKey = emulator.ApiKey,
                Products = [ApproveListed.Product],
                RetryBaseDelay = TimeSpan.FromMilliseconds(50),
                MaxRetries = 10,
            });
            var set = ids.ToHashSet(StringComparer.Ordinal);
            var drain = Task.Run(() => ApproveListed.DrainAsync(
                () => new ApproveListed(client, set, new AutomationOptions { MaxConcurrency = 4 }), maxRuns: 10, output.WriteLine));

            using (var control = new Control(emulator))
            {
                var approvedBefore = await ProcessTests.WaitForApprovalsAsync(control, ids, Math.Max(5, n / 5));
                Assert.False(drain.IsCompleted, "the run finished before the restart");
                output.WriteLine($"stopping the emulator after {approvedBefore} approvals");
            }

            await emulator.StopAsync();
            // The last read of the stopped store: every transition committed before the restart.
            before = ReadAudit(dataPath);
            emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port, Seed = "demo", DataPath = dataPath });

            var result = await drain.WaitAsync(TimeSpan.FromMinutes(4));
            output.WriteLine("drain: " + result);
            Assert.True(result.Finished, result.ToString());

            using (var control = new Control(emulator))
            {
                var after = await control.AuditAsync();
                var afterKeys = after.Select(e => (e.Seq, e.ObjectId, e.To)).ToHashSet();
                var lostEntries = before.Where(e => !afterKeys.Contains((e.Seq, e.ObjectId, e.To))).ToList();
                Assert.True(lostEntries.Count == 0, "audit entries lost over the restart: " + lostEntries.Count);
                var (approvals, duplicates, lost) = Checks.AssertApprovedOnce(after, ids);
                var committedBefore = before.Count(e => e.Collection == "requests" && e.To == "approved" && set.Contains(e.ObjectId));
                output.WriteLine($"restart N={n}: {committedBefore} approvals committed before the restart, all kept; approvals {approvals}, duplicates {duplicates}, lost {lost}");
                Assert.InRange(committedBefore, 1, n - 1);
            }
        }
        finally
        {
            await emulator.DisposeAsync();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The audit table of a stopped emulator's file, read directly with SQLite.</summary>
    private static List<AuditEntry> ReadAudit(string dataPath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dataPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, object_id, collection, from_status, to_status, action FROM audit ORDER BY seq";
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        return entries;
    }
}
