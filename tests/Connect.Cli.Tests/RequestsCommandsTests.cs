using System.Text.Json.Nodes;

namespace Connect.Cli.Tests;

public sealed class RequestsCommandsTests
{
    [Fact]
    public async Task List_Json_PrintsEveryDemoRequestAsTheApiReturnsIt()
    {
        await using var cli = await CliRunner.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", cli.Environment["CONNECT_API_KEY"]);
        var direct = JsonNode.Parse(await http.GetStringAsync(cli.BaseUrl + "/requests?limit=1000"))!.AsArray();

        var run = await cli.RunAsync("requests", "list", "--json", "--limit", "0");

        Assert.Equal(0, run.ExitCode);
        var listed = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(direct.Count, listed.Count);
        Assert.Equal(
            direct.Select(r => r!["id"]!.GetValue<string>()).Order(),
            listed.Select(r => r!["id"]!.GetValue<string>()).Order());
        Assert.All(listed, r => Assert.NotNull(r!["asset"]?["product"]?["id"]));
    }

    [Fact]
    public async Task List_Filters_ReturnOnlyMatchingRequests()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--status", "pending", "--type", "purchase", "--product", "PRD-100-200-300", "--json");

        var listed = JsonNode.Parse(run.Output)!.AsArray();
        Assert.NotEmpty(listed);
        Assert.All(listed, r =>
        {
            Assert.Equal("pending", r!["status"]!.GetValue<string>());
            Assert.Equal("purchase", r["type"]!.GetValue<string>());
            Assert.Equal("PRD-100-200-300", r["asset"]!["product"]!["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task List_FreeRql_IsSentAsTypedAndCombinedWithTheFilters()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--status", "approved", "--rql", "eq(asset.product.id,PRD-400-500-600)", "--json");

        Assert.Equal(0, run.ExitCode);
        var listed = JsonNode.Parse(run.Output)!.AsArray();
        Assert.NotEmpty(listed);
        Assert.All(listed, r =>
        {
            Assert.Equal("approved", r!["status"]!.GetValue<string>());
            Assert.Equal("PRD-400-500-600", r["asset"]!["product"]!["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task List_Limit_StopsAfterThatMany()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--limit", "2", "--json");

        Assert.Equal(2, JsonNode.Parse(run.Output)!.AsArray().Count);
    }

    [Fact]
    public async Task List_Table_ShowsIdsStatusesAndACount()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--status", "pending");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PR-0001-0001-0001-001", run.Output, StringComparison.Ordinal);
        Assert.Contains("pending", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("approved", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ requests", run.Output);
    }

    [Fact]
    public async Task List_BadRql_PrintsTheApiErrorCodeAndExits1()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "list", "--rql", "eq(status,pending");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("RQL_001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownId_PrintsNotFoundAndExits1()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "show", "PR-0000-0000-0000-404");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 404", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_ThenShow_RequestIsFailedWithTheReason()
    {
        await using var cli = await CliRunner.StartAsync();

        var fail = await cli.RunAsync("requests", "fail", "PR-0001-0001-0002-001", "--reason", "Out of stock");
        var show = await cli.RunAsync("requests", "show", "PR-0001-0001-0002-001", "--json");

        Assert.Equal(0, fail.ExitCode);
        Assert.Contains("failed", fail.Output, StringComparison.Ordinal);
        var request = JsonNode.Parse(show.Output)!;
        Assert.Equal("failed", request["status"]!.GetValue<string>());
        Assert.Equal("Out of stock", request["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inquire_ThenPend_RequestGoesBackToPending()
    {
        await using var cli = await CliRunner.StartAsync();

        var inquire = await cli.RunAsync("requests", "inquire", "PR-0001-0001-0002-001");
        var pend = await cli.RunAsync("requests", "pend", "PR-0001-0001-0002-001");

        Assert.Contains("inquiring", inquire.Output, StringComparison.Ordinal);
        Assert.Equal(0, pend.ExitCode);
        Assert.Contains("pending", pend.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithRequiredParameterMissing_PrintsTheApiErrorAndExits1()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "approve", "PR-0001-0001-0001-001", "--template", "TL-100-200-301");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("REQ_003", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_WithoutReason_IsAUsageErrorAndSendsNothing()
    {
        await using var cli = await CliRunner.StartAsync();

        var run = await cli.RunAsync("requests", "fail", "PR-0001-0001-0002-001");
        var show = await cli.RunAsync("requests", "show", "PR-0001-0001-0002-001", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
        Assert.Equal("pending", JsonNode.Parse(show.Output)!["status"]!.GetValue<string>());
    }
}
