using System.Net;

namespace Connect.Emulator.Tests.Api;

/// <summary>
/// Bodies whose fields have the wrong JSON type (a string where a list or an object is expected, a parameter without an
/// id, an object where text is expected) are refused with 400 <c>VAL_001</c> naming the field, and nothing is stored.
/// </summary>
public sealed class WrongTypeBodyTests
{
    // {request}: the demo's pending purchase; {tcr}: a pending tier config request; {usage}: a new draft usage file.
    [Theory]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":"oops"}}""", "asset.params", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":{"id":"subscription_id","value":"x"}}}""", "asset.params", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":"oops"}""", "asset", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":["subscription_id"]}}""", "asset.params[0]", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[null]}}""", "asset.params[0]", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[{"value":"x"}]}}""", "asset.params[0].id", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","value":"ok"},{"id":["x"],"value":"x"}]}}""", "asset.params[1].id", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","value":{"v":"x"}}]}}""", "asset.params[0].value", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","value_error":["bad"]}]}}""", "asset.params[0].value_error", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"asset":{"params":[{"id":"subscription_id","structured_value":[1]}]}}""", "asset.params[0].structured_value", "requests/{request}")]
    [InlineData("PUT", "requests/{request}", """{"note":{"text":"x"}}""", "note", "requests/{request}")]
    [InlineData("POST", "requests/{request}/validate", """{"asset":{"params":"oops"}}""", "asset.params", "requests/{request}")]
    [InlineData("POST", "requests/{request}/approve", """{"template_id":{"id":"TL-100-200-301"}}""", "template_id", "requests/{request}")]
    [InlineData("POST", "requests/{request}/approve", """{"activation_tile":["# done"]}""", "activation_tile", "requests/{request}")]
    [InlineData("POST", "requests/{request}/inquire", """{"template_id":["TL-100-200-303"]}""", "template_id", "requests/{request}")]
    [InlineData("POST", "requests/{request}/inquire", """{"asset":{"params":"oops"}}""", "asset.params", "requests/{request}")]
    [InlineData("POST", "requests/{request}/fail", """{"reason":{"text":"no"}}""", "reason", "requests/{request}")]
    [InlineData("POST", "requests", """{"asset":{"product":{"id":"PRD-100-200-300"},"items":[{"mpn":"MPN-A","quantity":"1"}],"params":"oops"}}""", "asset.params", "requests?limit=100")]
    [InlineData("POST", "requests", """{"asset":{"product":{"id":"PRD-100-200-300"},"items":"MPN-A"}}""", "asset.items", "requests?limit=100")]
    [InlineData("PUT", "tier/config-requests/{tcr}", """{"params":"oops"}""", "params", "tier/config-requests/{tcr}")]
    [InlineData("PUT", "tier/config-requests/{tcr}", """{"params":[{"value":"x"}]}""", "params[0].id", "tier/config-requests/{tcr}")]
    [InlineData("PUT", "tier/config-requests/{tcr}", """{"notes":["x"]}""", "notes", "tier/config-requests/{tcr}")]
    [InlineData("POST", "tier/config-requests/{tcr}/approve", """{"template":"TL-100-200-302"}""", "template", "tier/config-requests/{tcr}")]
    [InlineData("POST", "tier/config-requests/{tcr}/fail", """{"reason":["no"]}""", "reason", "tier/config-requests/{tcr}")]
    [InlineData("POST", "tier/config-requests", """{"configuration":"TC-000-000-000"}""", "configuration", "tier/config-requests?limit=100")]
    [InlineData("PUT", "usage/files/{usage}", """{"name":{"text":"x"}}""", "name", "usage/files/{usage}")]
    [InlineData("PUT", "usage/files/{usage}", """{"period":"2026-01"}""", "period", "usage/files/{usage}")]
    [InlineData("PUT", "usage/files/{usage}", """{"period":{"from":["2026-01-01"]}}""", "period.from", "usage/files/{usage}")]
    [InlineData("POST", "usage/files/{usage}/accept", """{"acceptance_note":{}}""", "acceptance_note", "usage/files/{usage}")]
    [InlineData("POST", "usage/files/{usage}/reject", """{"rejection_note":[]}""", "rejection_note", "usage/files/{usage}")]
    [InlineData("POST", "usage/files", """{"name":"x","product":"PRD-400-500-600","contract":{"id":"CRD-10001-00001-00001"}}""", "product", "usage/files?limit=100")]
    [InlineData("POST", "conversations/{conversation}/messages", """{"text":{"body":"hi"}}""", "text", "conversations/{conversation}/messages?limit=100")]
    public async Task Send_WrongFieldType_Answers400NamingTheFieldAndStoresNothing(string method, string path, string body, string field, string resource)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ids = await IdsAsync(emulator, path + resource);
        path = Fill(path, ids);
        resource = Fill(resource, ids);
        var before = await emulator.Api.FetchAsync(resource);
        Assert.Equal(HttpStatusCode.OK, before.Status);

        var reply = await emulator.Api.SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.StartsWith(field + ": ", reply.FirstError, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", reply.Text, StringComparison.Ordinal);
        var after = await emulator.Api.FetchAsync(resource);
        Assert.Equal(before.Text, after.Text);
    }

    [Fact]
    public async Task ControlCreateRequest_PublicShapeWithStringParams_Answers400AndCreatesNothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = await emulator.Api.FetchAsync("requests?limit=100");

        var reply = await emulator.Control.PostAsync("requests",
            """{"asset":{"product":{"id":"PRD-100-200-300"},"items":[{"mpn":"MPN-A","quantity":"1"}],"params":"oops"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
        Assert.Equal("asset.params: Expected a list, got a string.", reply.FirstError);
        Assert.Equal(before.Text, (await emulator.Api.FetchAsync("requests?limit=100")).Text);
    }

    [Fact]
    public async Task UpdateRequest_StringParams_MessageSaysWhatWasExpected()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":"oops"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("asset.params: Expected a list, got a string.", reply.FirstError);
    }

    [Fact]
    public async Task UpdateRequest_ScalarValuesAndEmptyStructuredValue_AreAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}",
            """{"note":null,"asset":{"params":[{"id":"subscription_id","value":12345,"structured_value":""},{"id":"customer_email","value_error":null}]}}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("12345", reply.Json.Param("subscription_id").Str("value"));
    }

    internal static async Task<Dictionary<string, string>> IdsAsync(TestEmulator emulator, string paths)
    {
        var ids = new Dictionary<string, string> { ["{request}"] = Demo.PendingPurchase };
        if (paths.Contains("{tcr}", StringComparison.Ordinal))
        {
            ids["{tcr}"] = (await emulator.Api.FetchAsync("tier/config-requests?status=pending")).Array[0].Str("id");
        }

        if (paths.Contains("{usage}", StringComparison.Ordinal))
        {
            ids["{usage}"] = await UsageApi.UsageFiles.CreateAsync(emulator);
        }

        if (paths.Contains("{conversation}", StringComparison.Ordinal))
        {
            ids["{conversation}"] = (await emulator.Api.FetchAsync($"conversations?instance_id={Demo.PendingPurchase}")).Array[0].Str("id");
        }

        return ids;
    }

    internal static string Fill(string path, Dictionary<string, string> ids) =>
        ids.Aggregate(path, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));
}
