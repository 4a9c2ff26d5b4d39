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

    [Fact]
    public async Task AddConnectClient_SectionEnvironmentAndDelegate_EnvironmentWinsOverSectionAndDelegateHasTheLastWord()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connect:Endpoint"] = "https://section.example.test/public/v1",
            ["Connect:ApiKey"] = "SU-1:section",
            ["Connect:Products:0"] = "PRD-1",
            ["Connect:PageSize"] = "50",
        }).Build();
        var environment = new Dictionary<string, string>
        {
            ["CONNECT_API_URL"] = "https://env.example.test/public/v1",
            ["CONNECT_API_KEY"] = "SU-2:environment",
        };
        var services = new ServiceCollection();
        ConnectServiceCollectionExtensions.AddConnectClient(services, configuration.GetSection("Connect"), environment.GetValueOrDefault, o => o.PageSize = 7);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConnectClientOptions>>().Value;

        Assert.Equal("https://env.example.test/public/v1", options.Endpoint);
        Assert.Equal("SU-2:environment", options.ApiKey);
        Assert.Equal(["PRD-1"], options.Products);
        Assert.Equal(7, options.PageSize);
    }

    [Fact]
    public async Task AddConnectClient_NoArguments_BindsTheConnectSectionOfTheRegisteredConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connect:Endpoint"] = "https://api.example.test/public/v1",
            ["Connect:ApiKey"] = "SU-1:abc",
            ["Connect:MaxRetries"] = "0",
        }).Build();
        var stub = new StubHandler().ReplyJson("""{"id":"PRD-1"}""");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddConnectClient().ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectClient>();
        await client.Products.GetAsync("PRD-1");

        Assert.Equal(0, client.Options.MaxRetries);
        Assert.Equal("ApiKey SU-1:abc", stub.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public void ConnectEnvironment_BadInsecureFlag_NamesTheVariable()
    {
        var options = new ConnectClientOptions();

        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectEnvironment.Apply(options, name => name == "CONNECT_ALLOW_INSECURE_HTTP" ? "sometimes" : null));

        Assert.Contains("CONNECT_ALLOW_INSECURE_HTTP", ex.Message, StringComparison.Ordinal);
    }
}
