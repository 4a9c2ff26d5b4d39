namespace Connect.Sdk.Tests;

public class ConfigTests
{
    [Fact]
    public void FromJson_SeedSpelling_ReadsAllFields()
    {
        var options = ConnectConfig.FromJson("""
            {"apiEndpoint": "https://api.cnct.info/public/v1", "apiKey": "ApiKey SU-000-000-000:0000", "products": ["PRD-1", "PRD-2"]}
            """);

        Assert.Equal("https://api.cnct.info/public/v1", options.Endpoint);
        Assert.Equal("ApiKey SU-000-000-000:0000", options.ApiKey);
        Assert.Equal(["PRD-1", "PRD-2"], options.Products);
    }

    [Fact]
    public void FromJson_TemplateSpelling_ReadsEndpointAndKey()
    {
        var options = ConnectConfig.FromJson("""{"connectApiEndpoint": "https://api.connect.cloudblue.com/public/v1", "connectApiKey": "SU-1:abc"}""");

        Assert.Equal("https://api.connect.cloudblue.com/public/v1", options.Endpoint);
        Assert.Equal("ApiKey SU-1:abc", options.ApiKey);
        Assert.Empty(options.Products);
    }

    [Fact]
    public void FromJson_ProductsAsString_SplitsOnCommas()
    {
        var options = ConnectConfig.FromJson("""{"apiEndpoint": "https://x.test/v1", "apiKey": "k:1", "products": "PRD-1, PRD-2"}""");

        Assert.Equal(["PRD-1", "PRD-2"], options.Products);
    }

    [Fact]
    public void FromJson_KeyWithoutPrefix_AddsApiKeyPrefix()
    {
        var options = ConnectConfig.FromJson("""{"apiEndpoint": "https://x.test/v1", "apiKey": "SU-000:secret"}""");

        Assert.Equal("ApiKey SU-000:secret", options.ApiKey);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"apiKey": "k"}""", "apiEndpoint")]
    [InlineData("""{"apiEndpoint": "https://x.test"}""", "apiKey")]
    [InlineData("""{"apiEndpoint": 5, "apiKey": "k"}""", "'apiEndpoint'")]
    [InlineData("""{"apiEndpoint": "https://x.test", "apiKey": ["k"]}""", "'apiKey'")]
    [InlineData("""{"apiEndpoint": "https://x.test", "apiKey": "k", "products": 7}""", "'products'")]
    [InlineData("""{"apiEndpoint": "https://x.test", "apiKey": "k", "products": ["a", 1]}""", "'products[1]'")]
    [InlineData("""{"apiEndpoint": "not a url", "apiKey": "k"}""", "not an absolute")]
    [InlineData("""{"apiEndpoint": "ftp://x.test", "apiKey": "k"}""", "not an absolute")]
    public void FromJson_Invalid_ThrowsNamingTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromJson(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_WrongKeyType_DoesNotLeakOtherValues()
    {
        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromJson("""{"apiEndpoint": "http://example.com/v1", "apiKey": "ApiKey SU-1:topsecret"}"""));

        Assert.DoesNotContain("topsecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_HttpOnNonLoopback_Refused()
    {
        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromJson("""{"apiEndpoint": "http://api.example.com/v1", "apiKey": "k"}"""));

        Assert.Contains("http://", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureHttp", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_HttpOnNonLoopbackOptedIn_Accepted()
    {
        var options = ConnectConfig.FromJson("""{"apiEndpoint": "http://api.example.com/v1", "apiKey": "k", "allowInsecureHttp": true}""");

        Assert.True(options.AllowInsecureHttp);
    }

    [Theory]
    [InlineData("http://localhost:8080/api/public/v1/")]
    [InlineData("http://127.0.0.1:5000/public/v1")]
    [InlineData("http://[::1]:5000/public/v1")]
    public void FromJson_HttpOnLoopback_Accepted(string endpoint)
    {
        var options = ConnectConfig.FromJson($$"""{"apiEndpoint": "{{endpoint}}", "apiKey": "k"}""");

        Assert.Equal(endpoint, options.Endpoint);
    }

    [Fact]
    public void FromFile_MissingFile_NamesPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "connect-missing-" + Guid.NewGuid().ToString("N") + ".json");

        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromFile(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_NotJson_NamesPath()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "apiKey = 1");

            var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromFile(path));

            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_ValidFile_Reads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"apiEndpoint": "https://api.cnct.info/public/v1", "apiKey": "ApiKey SU-000-000-000:0000", "products": "PRD-1"}""");

            var options = ConnectConfig.FromFile(path);

            Assert.Equal(["PRD-1"], options.Products);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromEnvironment_ReadsVariables()
    {
        var env = new Dictionary<string, string>
        {
            ["CONNECT_API_KEY"] = "SU-1:abc",
            ["CONNECT_API_URL"] = "https://x.test/public/v1",
            ["CONNECT_PRODUCTS"] = "PRD-1,PRD-2",
        };

        var options = ConnectConfig.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.Equal("ApiKey SU-1:abc", options.ApiKey);
        Assert.Equal("https://x.test/public/v1", options.Endpoint);
        Assert.Equal(["PRD-1", "PRD-2"], options.Products);
    }

    [Fact]
    public void FromEnvironment_NoKey_NamesVariable()
    {
        var ex = Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromEnvironment(_ => null));

        Assert.Contains("CONNECT_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_DefaultEndpoint_IsPublicApi()
    {
        var options = ConnectConfig.FromEnvironment(name => name == "CONNECT_API_KEY" ? "k" : null);

        Assert.Equal(ConnectClientOptions.DefaultEndpoint, options.Endpoint);
    }

    [Fact]
    public void Client_InvalidOptions_ThrowsConfigurationException()
    {
        var options = TestClients.Options();
        options.ApiKey = " ";

        Assert.Throws<ConnectConfigurationException>(() => new ConnectClient(options, new HttpClient(new StubHandler())));
    }

    [Fact]
    public void Client_OptionsEditedAfterConstruction_DoNotLeakIn()
    {
        var options = TestClients.Options();
        using var client = new ConnectClient(options, new HttpClient(new StubHandler()));

        options.Endpoint = "https://other.test";
        options.Products.Add("PRD-9");

        Assert.Equal("https://api.example.test/public/v1", client.Options.Endpoint);
        Assert.Empty(client.Options.Products);
    }

    [Fact]
    public async Task Client_EndpointWithTrailingSlash_BuildsSingleSlashUrls()
    {
        var stub = new StubHandler().ReplyJson("""{"id":"PRD-1"}""");
        var options = TestClients.Options();
        options.Endpoint = "https://api.example.test/public/v1/";
        using var client = TestClients.Create(stub, options);

        await client.Products.GetAsync("PRD-1");

        Assert.Equal("https://api.example.test/public/v1/products/PRD-1", stub.Requests[0].Uri.ToString());
    }
}
