using System.Net;

namespace Connect.Emulator.Tests.Api;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("ApiKey SU-000-000-000:wrong")]
    [InlineData("Bearer something")]
    public async Task PublicRoute_MissingOrWrongKey_Answers401Auth001(string? key)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.NewClient(emulator.Host.BaseUrl, key);

        var reply = await client.FetchAsync("requests");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("AUTH_001", reply.ErrorCode);
        Assert.Equal("API request is unauthorized.", reply.FirstError);
        Assert.DoesNotContain("wrong", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlRoute_MissingKey_Answers401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.NewClient(emulator.Host.ControlUrl, null);

        var reply = await client.PostAsync("reset");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("AUTH_001", reply.ErrorCode);
    }

    [Fact]
    public async Task PublicRoute_KeyWithoutApiKeyPrefix_IsAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = TestEmulator.NewClient(emulator.Host.BaseUrl, "SU-000-000-000:emulator");

        var reply = await client.FetchAsync("accounts");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task StartAsync_ConfiguredKeys_OnlyThoseAreAccepted()
    {
        var options = new EmulatorOptions { Port = 0, Seed = "none" };
        options.ApiKeys.Add("ApiKey SU-111-111-111:first");
        options.ApiKeys.Add("ApiKey SU-222-222-222:second");
        await using var host = await EmulatorHost.StartAsync(options);
        using var second = TestEmulator.NewClient(host.BaseUrl, "ApiKey SU-222-222-222:second");
        using var defaultKey = TestEmulator.NewClient(host.BaseUrl, TestEmulator.Key);

        Assert.Equal("ApiKey SU-111-111-111:first", host.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await second.FetchAsync("requests")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await defaultKey.FetchAsync("requests")).Status);
    }
}
