using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Sdk.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddConnectClient_WithAction_ResolvesClientWithRetryPipeline()
    {
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable).ReplyJson("""{"id":"PRD-1"}""");
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.Endpoint = "https://api.example.test/public/v1";
            o.ApiKey = TestClients.Key;
            o.RetryBaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectClient>();
        var product = await client.Products.GetAsync("PRD-1");

        Assert.Equal("PRD-1", product.Id);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(TestClients.Key, stub.Requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task AddConnectClient_WithConfiguration_BindsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connect:Endpoint"] = "https://api.example.test/public/v1",
            ["Connect:ApiKey"] = "SU-1:abc",
            ["Connect:Products:0"] = "PRD-1",
            ["Connect:MaxRetries"] = "0",
        }).Build();
        var stub = new StubHandler().Reply(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("Connect")).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectClient>();
        await Assert.ThrowsAsync<ConnectApiException>(() => client.Products.GetAsync("PRD-1"));

        Assert.Equal(["PRD-1"], client.Options.Products);
        Assert.Single(stub.Requests);
        Assert.Equal("ApiKey SU-1:abc", stub.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task AddConnectClient_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.Endpoint = "http://api.example.com");
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectClientOptions>>().Value);

        Assert.Contains("http://", ex.Message, StringComparison.Ordinal);
    }
}
