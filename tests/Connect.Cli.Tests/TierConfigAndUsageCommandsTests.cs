using System.Text.Json.Nodes;

namespace Connect.Cli.Tests;

public sealed class TierConfigAndUsageCommandsTests
{
    private const string Header = "record_id,item_search_criteria,item_search_value,quantity,start_time_utc,end_time_utc,asset_search_criteria,asset_search_value\n";

    [Fact]
    public async Task TcrList_PendingOnly_ListsPendingTierConfigRequests()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("tcr", "list", "--status", "pending", "--json");

        Assert.Equal(0, run.ExitCode);
        var listed = JsonNode.Parse(run.Output)!.AsArray();
        Assert.NotEmpty(listed);
        Assert.All(listed, r => Assert.StartsWith("TCR-", r!["id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(listed, r => Assert.Equal("pending", r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TcrFail_ThenShow_IsFailed()
    {
        await using var cli = await CliRunner.StartAsync();
        var pending = JsonNode.Parse((await cli.RunAsync("tcr", "list", "--status", "pending", "--json")).Output)!.AsArray();
        var id = pending[0]!["id"]!.GetValue<string>();

        var fail = await cli.RunAsync("tcr", "fail", id, "--reason", "Unknown reseller");
        var show = await cli.RunAsync("tcr", "show", id);

        Assert.Equal(0, fail.ExitCode);
        Assert.Contains("failed", fail.Output, StringComparison.Ordinal);
        Assert.Contains(id, show.Output, StringComparison.Ordinal);
        Assert.Contains("failed", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageSubmit_Csv_CreatesUploadsAndSubmitsTheFile()
    {
        await using var cli = await CliRunner.StartAsync();
        var csv = Path.Combine(cli.Folder, "october.csv");
        await File.WriteAllTextAsync(csv, Header + string.Concat(Enumerable.Range(1, 50).Select(i =>
            $"r{i},item.mpn,MPN-PPU-GB,{i}.5,2026-10-01 00:00:00,2026-10-01 01:00:00,asset.id,AS-0002-0001-0001\n")));

        var run = await cli.RunAsync("usage", "submit", "october.csv", "--product", "PRD-400-500-600", "--contract", "CRD-10001-00001-00001", "--submit", "--json");

        Assert.Equal(0, run.ExitCode);
        var file = JsonNode.Parse(run.Output)!;
        Assert.Equal("october", file["name"]!.GetValue<string>());
        Assert.Equal("pending", file["status"]!.GetValue<string>());
        Assert.Equal(50, file["stats"]!["uploaded"]!.GetValue<int>());

        var listed = JsonNode.Parse((await cli.RunAsync("usage", "files", "list", "--product", "PRD-400-500-600", "--json")).Output)!.AsArray();
        Assert.Contains(listed, f => f!["id"]!.GetValue<string>() == file["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UsageSubmit_InvalidRecord_ListsTheErrorExits2AndCreatesNoFile()
    {
        await using var cli = await CliRunner.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "bad.csv"),
            Header + "r1,item.mpn,MPN-PPU-GB,-3,2026-10-01 00:00:00,2026-10-01 01:00:00,asset.id,AS-0002-0001-0001\n");

        var run = await cli.RunAsync("usage", "submit", "bad.csv", "--product", "PRD-400-500-600", "--contract", "CRD-10001-00001-00001");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("quantity", run.Error, StringComparison.Ordinal);
        var files = JsonNode.Parse((await cli.RunAsync("usage", "files", "list", "--json")).Output)!.AsArray();
        Assert.Empty(files);
    }

    [Fact]
    public async Task UsageSubmit_NotCsvOrXlsx_IsAUsageError()
    {
        await using var cli = await CliRunner.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "usage.txt"), "x");

        var run = await cli.RunAsync("usage", "submit", "usage.txt", "--product", "PRD-400-500-600", "--contract", "CRD-10001-00001-00001");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".csv or .xlsx", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageFilesAcceptAndClose_MoveTheFileThroughItsLifecycle()
    {
        await using var cli = await CliRunner.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "u.csv"),
            Header + "r1,item.mpn,MPN-PPU-GB,1,2026-10-01 00:00:00,2026-10-01 01:00:00,asset.id,AS-0002-0001-0001\n");
        var submitted = JsonNode.Parse((await cli.RunAsync("usage", "submit", "u.csv", "--product", "PRD-400-500-600", "--contract", "CRD-10001-00001-00001", "--submit", "--json")).Output)!;
        var id = submitted["id"]!.GetValue<string>();

        var accept = await cli.RunAsync("usage", "files", "accept", id, "--note", "Checked");
        var close = await cli.RunAsync("usage", "files", "close", id);

        Assert.Equal(0, accept.ExitCode);
        Assert.Contains("accepted", accept.Output, StringComparison.Ordinal);
        Assert.Equal(0, close.ExitCode);
        Assert.Contains("closed", close.Output, StringComparison.Ordinal);
    }
}
