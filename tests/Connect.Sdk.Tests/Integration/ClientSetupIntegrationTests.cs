using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>The ways of building a client (options, config JSON, DI) all reach the emulator.</summary>
public sealed class ClientSetupIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AddConnectClient_ActionOverload_ResolvedClientTalksToEmulator()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = emulator.Host.BaseUrl;
            o.ApiKey = EmulatorFixture.ApiKey;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectClient>();

        Assert.Equal(2, await client.Marketplaces.CountAsync());
    }

    [Fact]
    public async Task AddConnectClient_ConfigurationOverload_ResolvedClientTalksToEmulator()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Connect:Endpoint"] = emulator.Host.BaseUrl,
                ["Connect:ApiKey"] = EmulatorFixture.ApiKey,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("Connect"));
        await using var provider = services.BuildServiceProvider();

        var product = await provider.GetRequiredService<ConnectClient>().Products.GetAsync(Demo.TierProduct);

        Assert.Equal(Demo.TierProduct, product.Id);
    }

    [Fact]
    public async Task FromJson_SeedConfigWithKeyWithoutPrefix_WorksOverLoopbackHttp()
    {
        var bareKey = EmulatorFixture.ApiKey["ApiKey ".Length..];
        var options = ConnectConfig.FromJson($$"""{"apiEndpoint":"{{emulator.Host.BaseUrl}}","apiKey":"{{bareKey}}","products":["{{Demo.TierProduct}}"]}""");
        using var client = new ConnectClient(options);

        var requests = await client.Requests.ListAsync(new Query(R.Field("asset.product.id").In(options.Products) & R.Field("status").Eq(RequestStatus.TiersSetup))).ToListAsync();

        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task Endpoint_WithTrailingSlash_BuildsSamePaths()
    {
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl + "/", ApiKey = EmulatorFixture.ApiKey });

        var request = await client.Requests.GetAsync(Demo.Approved);

        Assert.Equal(Demo.Approved, request.Id);
    }

    [Fact]
    public async Task ListAsync_CancelledAfterFirstPage_StopsWithOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in emulator.Client.Requests.ListAsync(new Query().Limit(5), cts.Token))
            {
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(5, seen);
    }

    [Fact]
    public async Task WrongKey_OnListAndAction_Both401()
    {
        using var client = emulator.CreateClient("ApiKey SU-000-000-001:wrong");

        var list = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests.CountAsync());
        var action = await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests[Demo.CompletePending].PendAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, action.StatusCode);
        Assert.Equal("AUTH_001", action.ErrorCode);
        Assert.Equal("API request is unauthorized.", Assert.Single(action.Errors));
    }
}
