using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class ParameterUpdateTests
{
    [Fact]
    public async Task Put_ValueAndNote_ChangeOnlyWhatWasSent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";

        var reply = await emulator.Api.PutAsync(path,
            """{"asset":{"params":[{"id":"subscription_id","value":"SUB-1","value_error":"","structured_value":""}]},"note":"hello"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("SUB-1", reply.Json.Param("subscription_id").Str("value"));
        Assert.Equal("hello", reply.Json.Str("note"));
        Assert.Equal("it@acme.example.com", reply.Json.Param("customer_email").Str("value"));
        Assert.Equal("acme", reply.Json.Param("tenant_domain").Str("value"));
        Assert.Equal("SUB-1", (await emulator.Api.FetchAsync(path)).Json.Param("subscription_id").Str("value"));
    }

    [Fact]
    public async Task Put_ValueError_SetsErrorAndKeepsValue()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}",
            """{"asset":{"params":[{"id":"customer_email","value_error":"Invalid e-mail"}]}}""");

        Assert.Equal("Invalid e-mail", reply.Json.Param("customer_email").Str("value_error"));
        Assert.Equal("it@acme.example.com", reply.Json.Param("customer_email").Str("value"));
    }

    [Fact]
    public async Task Put_StructuredValue_IsStoredAsObject()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}",
            """{"asset":{"params":[{"id":"param_b","structured_value":{"city":"Berlin","country":"DE"}}]}}""");

        Assert.Equal("Berlin", reply.Json.Param("param_b")["structured_value"].Str("city"));
    }

    [Fact]
    public async Task Put_OtherFields_AreIgnored()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}",
            """{"status":"approved","type":"cancel","asset":{"params":[{"id":"param_b","value":"b","title":"Hacked","phase":"ordering"}]}}""");

        Assert.Equal("pending", reply.Json.Str("status"));
        Assert.Equal("purchase", reply.Json.Str("type"));
        Assert.Equal("Parameter B", reply.Json.Param("param_b").Str("title"));
        Assert.Equal("fulfillment", reply.Json.Param("param_b").Str("phase"));
    }

    [Fact]
    public async Task Put_UnknownParameter_Answers400Req002AndChangesNothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";

        var reply = await emulator.Api.PutAsync(path,
            """{"asset":{"params":[{"id":"subscription_id","value":"SUB-1"},{"id":"no_such_param","value":"x"}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_002", reply.ErrorCode);
        Assert.Contains("no_such_param", reply.FirstError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await emulator.Api.FetchAsync(path)).Json.Param("subscription_id").Str("value"));
    }

    [Fact]
    public async Task Put_ApprovedRequest_Answers400Req007()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.ApprovedUsagePurchase}", """{"note":"late"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_007", reply.ErrorCode);
    }

    [Fact]
    public async Task Put_UniqueParameterValueUsedByAnotherAsset_Answers400Req006()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.MissingParamPurchase}",
            """{"asset":{"params":[{"id":"tenant_domain","value":"acme"}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("REQ_006", reply.ErrorCode);
    }

    [Fact]
    public async Task Put_InquiringRequest_IsAllowed()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.PutAsync($"requests/{Demo.InquiringPurchase}",
            """{"asset":{"params":[{"id":"customer_email","value":"ok@acme.example.com","value_error":""}]}}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(string.Empty, reply.Json.Param("customer_email").Str("value_error"));
    }

    [Fact]
    public async Task Validate_MergesParametersWithoutStoring()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = $"requests/{Demo.PendingPurchase}";

        var reply = await emulator.Api.PostAsync(path + "/validate", """{"asset":{"params":[{"id":"param_b","value":"preview"}]}}""");

        Assert.Equal("preview", reply.Json.Param("param_b").Str("value"));
        Assert.Equal(string.Empty, (await emulator.Api.FetchAsync(path)).Json.Param("param_b").Str("value"));
    }
}
