using System.Net;

namespace Connect.Emulator.Tests.Api;

/// <summary>
/// Input that once gave 500 or was taken silently (issue 13's probe): lone surrogates, duplicate keys, oversized text,
/// counts and dates that are not what they claim, offsets past 2^31. Each is a 400 <c>VAL_001</c> naming the field and
/// the problem (or, for the offset, the empty page past the end that Connect gives), and nothing is stored.
/// </summary>
public sealed class HostileInputTests
{
    private const string UsageCreate =
        """{"name":"n","period":{"from":"2026-01-01","to":"2026-01-31"},"currency":"EUR","product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}""";

    private static readonly string TenMegabytes = new('x', 10 * 1024 * 1024);

    // {bad} is replaced with a lone surrogate, escaped as JSON allows ("\ud800"), or with 10 MB of text.
    [Theory]
    [InlineData("api", "PUT", "requests/{request}", """{"note":"a{bad}b"}""", "note", "requests/{request}")]
    [InlineData("api", "PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","value":"{bad}"}]}}""", "asset.params[0].value", "requests/{request}")]
    [InlineData("api", "POST", "requests/{request}/fail", """{"reason":"{bad}"}""", "reason", "requests/{request}")]
    [InlineData("api", "POST", "requests/{request}/approve", """{"template_id":"TL-100-200-301","activation_tile":"{bad}"}""", "activation_tile", "requests/{request}")]
    [InlineData("api", "PUT", "tier/config-requests/{tcr}", """{"notes":"{bad}"}""", "notes", "tier/config-requests/{tcr}")]
    [InlineData("api", "POST", "usage/files", """{"name":"{bad}","product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}""", "name", "usage/files?limit=100")]
    [InlineData("api", "PUT", "usage/files/{usage}", """{"note":"{bad}"}""", "note", "usage/files/{usage}")]
    [InlineData("api", "POST", "conversations/{conversation}/messages", """{"text":"{bad}"}""", "text", "conversations/{conversation}/messages?limit=100")]
    [InlineData("control", "POST", "requests", """{"type":"purchase","product_id":"PRD-100-200-300","customer_id":"TA-1000-0000-0001","tier1_id":"TA-2000-0000-0001","items":[{"mpn":"MPN-A","quantity":"1"}],"params":[{"id":"tenant_domain","value":"{bad}"}]}""", "params[0].value", "requests?limit=100")]
    public async Task Send_LoneSurrogateOrTenMegabytes_Answers400NamingTheFieldAndStoresNothing(string target, string method, string path, string body, string field, string resource)
    {
        foreach (var (bad, problem) in new[] { ("\\ud800", "lone surrogate"), ("\\udfff", "lone surrogate"), (TenMegabytes, "longer than the limit of 65536 characters") })
        {
            await using var emulator = await TestEmulator.StartAsync();
            var ids = await WrongTypeBodyTests.IdsAsync(emulator, path + resource);
            var client = target == "api" ? emulator.Api : emulator.Control;
            var before = await emulator.Api.FetchAsync(WrongTypeBodyTests.Fill(resource, ids));

            var reply = await client.SendAsync(new HttpMethod(method), WrongTypeBodyTests.Fill(path, ids), body.Replace("{bad}", bad, StringComparison.Ordinal));

            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("VAL_001", reply.ErrorCode);
            Assert.StartsWith(field + ": ", reply.FirstError, StringComparison.Ordinal);
            Assert.Contains(problem, reply.FirstError, StringComparison.Ordinal);
            Assert.Equal(before.Text, (await emulator.Api.FetchAsync(WrongTypeBodyTests.Fill(resource, ids))).Text);
        }
    }

    [Theory]
    [InlineData("api", "PUT", "requests/{request}", """{"note":"a","note":"b"}""")]
    [InlineData("api", "PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","id":"customer_email","value":"x"}]}}""")]
    [InlineData("api", "POST", "requests/{request}/approve", """{"template_id":"TL-100-200-301","template_id":"TL-100-200-303"}""")]
    [InlineData("api", "POST", "usage/files", """{"name":"a","name":"b","product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}""")]
    [InlineData("api", "PUT", "tier/config-requests/{tcr}", """{"notes":"a","notes":"b"}""")]
    [InlineData("control", "PUT", "faults", """{"rules":[],"rules":[]}""")]
    [InlineData("control", "POST", "requests/generate", """{"product_id":"PRD-100-200-300","count":1,"count":2}""")]
    public async Task Send_DuplicateKey_Answers400NamingIt(string target, string method, string path, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ids = await WrongTypeBodyTests.IdsAsync(emulator, path);
        var client = target == "api" ? emulator.Api : emulator.Control;
        var before = await emulator.Api.FetchAsync("requests?limit=100");

        var reply = await client.SendAsync(new HttpMethod(method), WrongTypeBodyTests.Fill(path, ids), body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.Contains("duplicate", reply.FirstError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at System.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before.Text, (await emulator.Api.FetchAsync("requests?limit=100")).Text);
    }

    [Theory]
    [InlineData("\"ten\"")]
    [InlineData("1e100")]
    [InlineData("9223372036854775808")]
    [InlineData("18446744073709551616")]
    [InlineData("2.5")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000001")]
    [InlineData("\"10\"")]
    [InlineData("true")]
    public async Task Generate_CountNotAWholeNumberInRange_Answers400NamingTheLimit(string count)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.PostAsync("requests/generate", $$"""{"product_id":"PRD-100-200-300","count":{{count}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.StartsWith("count: Must be a whole number between 1 and 1000000 (the limit)", reply.FirstError, StringComparison.Ordinal);
        Assert.Equal(Demo.RequestCount, (await emulator.Api.FetchAsync("requests?limit=100")).Array.Count);
    }

    [Fact]
    public async Task Generate_CountAbsentOrInRange_Generates()
    {
        await using var emulator = await TestEmulator.StartAsync();

        Assert.Equal(HttpStatusCode.Created, (await emulator.Control.PostAsync("requests/generate", """{"product_id":"PRD-100-200-300"}""")).Status);
        Assert.Equal(HttpStatusCode.Created, (await emulator.Control.PostAsync("requests/generate", """{"product_id":"PRD-100-200-300","count":3}""")).Status);
        Assert.Equal(Demo.RequestCount + 4, (await emulator.Api.FetchAsync("requests?limit=100")).Array.Count);
    }

    [Theory]
    [InlineData("""{"from":"not-a-date","to":"2026-01-31"}""", "period.from")]
    [InlineData("""{"from":"2026-01-01","to":20260131}""", "period.to")]
    [InlineData("""{"from":"2026-13-45","to":"2026-01-31"}""", "period.from")]
    [InlineData("""{"from":"","to":"2026-01-31"}""", "period.from")]
    public async Task UsageFile_PeriodNotADate_Answers400NamingTheField(string period, string field)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var draft = await UsageApi.UsageFiles.CreateAsync(emulator);
        var before = await emulator.Api.FetchAsync("usage/files?limit=100");

        var created = await emulator.Api.PostAsync("usage/files", UsageCreate.Replace("""{"from":"2026-01-01","to":"2026-01-31"}""", period, StringComparison.Ordinal));
        var updated = await emulator.Api.PutAsync($"usage/files/{draft}", $$"""{"period":{{period}}}""");

        foreach (var reply in new[] { created, updated })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("VAL_001", reply.ErrorCode);
            Assert.StartsWith(field + ": Expected a date (YYYY-MM-DD or ISO 8601)", reply.FirstError, StringComparison.Ordinal);
        }

        Assert.Equal(before.Text, (await emulator.Api.FetchAsync("usage/files?limit=100")).Text);
    }

    [Theory]
    [InlineData("requests", "offset=2147483648")]
    [InlineData("requests", "offset=99999999999999999999999")]
    [InlineData("usage/files", "offset=2147483648")]
    [InlineData("requests", "limit=10&offset=4294967296")]
    public async Task List_OffsetPastTwoToTheThirtyOne_IsAnEmptyPagePastTheEnd(string path, string query)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"{path}?{query}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Array);
        Assert.StartsWith("items 2147483647-2147483647/", reply.ContentRange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OffsetPastTwoToTheThirtyOne_IsAnEmptyPage()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Control.FetchAsync("audit?offset=2147483648");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Array);
    }

    [Fact]
    public async Task List_LimitPastTwoToTheThirtyOne_IsCutDownToTheMaximum()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("requests?limit=2147483648");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Demo.RequestCount, reply.Array.Count);
    }
}
