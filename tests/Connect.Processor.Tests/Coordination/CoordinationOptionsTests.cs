using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor.Tests.Coordination;

/// <summary>The coordination settings: binding, environment variables, validation naming the key, secrets kept out.</summary>
public sealed class CoordinationOptionsTests
{
    [Fact]
    public void Defaults_NoExternalService()
    {
        var options = new ProcessorOptions();
        Assert.Equal(CoordinationKind.None, options.Coordination);
        Assert.Equal(30, options.LeaseDurationSeconds);
        Assert.Empty(Errors(options));
        Assert.Equal("in-process", LockService.Create(options).Description);
    }

    [Theory]
    [InlineData("redis", CoordinationKind.Redis)]
    [InlineData("Postgres", CoordinationKind.Postgres)]
    [InlineData("none", CoordinationKind.None)]
    public void Bind_CoordinationKeys_ReadCaseInsensitively(string value, CoordinationKind expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["coordination"] = value,
            ["coordinationConnectionString"] = "x",
            ["leaseDurationSeconds"] = "12",
        }).Build();
        var options = configuration.Get<ProcessorOptions>()!;
        Assert.Equal(expected, options.Coordination);
        Assert.Equal("x", options.CoordinationConnectionString);
        Assert.Equal(12, options.LeaseDurationSeconds);
    }

    [Fact]
    public void FromEnvironment_CoordinationVariables_MapOntoConfigKeys()
    {
        var variables = new Dictionary<string, string>
        {
            ["CONNECT_COORDINATION"] = "redis",
            ["CONNECT_COORDINATION_CONNECTION"] = "redis:6379,password=pw",
        };
        var settings = ProcessorConfigurationExtensions.FromEnvironment(n => variables.GetValueOrDefault(n));
        Assert.Equal("redis", settings["coordination"]);
        Assert.Equal("redis:6379,password=pw", settings["coordinationConnectionString"]);
    }

    [Theory]
    [InlineData(CoordinationKind.Redis, null, 30, "coordinationConnectionString is required with coordination 'redis'")]
    [InlineData(CoordinationKind.Postgres, " ", 30, "coordinationConnectionString is required with coordination 'postgres'")]
    [InlineData(CoordinationKind.Redis, "password=only-a-secret", 30, "coordinationConnectionString is not a Redis configuration (host:port[,password=...]): it names no Redis server (host:port).")]
    [InlineData(CoordinationKind.Postgres, "Username=connect;Password=only-a-secret", 30, "coordinationConnectionString is not a PostgreSQL connection string (Host=...;Username=...;Database=...): it names no PostgreSQL host (Host=...).")]
    [InlineData(CoordinationKind.Postgres, "Host=db;NoSuchKeyword=only-a-secret", 30, "coordinationConnectionString is not a PostgreSQL connection string (Host=...;Username=...;Database=...): it does not parse.")]
    [InlineData(CoordinationKind.None, null, 1, "leaseDurationSeconds must be between 2 and 3600 (was 1).")]
    [InlineData(CoordinationKind.Redis, "redis:6379", 3601, "leaseDurationSeconds must be between 2 and 3600 (was 3601).")]
    [InlineData((CoordinationKind)7, null, 30, "coordination must be one of none, redis, postgres.")]
    public void Check_WrongCoordinationSetting_NamesTheKeyWithoutTheSecret(CoordinationKind kind, string? connection, int lease, string expected)
    {
        var errors = Errors(new ProcessorOptions { Coordination = kind, CoordinationConnectionString = connection, LeaseDurationSeconds = lease });
        var error = Assert.Single(errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("only-a-secret", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CoordinationKind.Redis, "redis.internal:6379,password=pw-123,ssl=true", "redis redis.internal:6379")]
    [InlineData(CoordinationKind.Postgres, "Host=db.internal;Port=5433;Username=connect;Password=pw-123;Database=leases", "postgres db.internal:5433/leases")]
    public void Create_ValidConnection_DescribesTheServiceWithoutThePassword(CoordinationKind kind, string connection, string description)
    {
        var service = LockService.Create(new ProcessorOptions { Coordination = kind, CoordinationConnectionString = connection });
        Assert.Equal(description, service.Description);
        Assert.Equal("refused: pw *** here", service.Redact("refused: pw pw-123 here"));
        Assert.Empty(Errors(new ProcessorOptions { Coordination = kind, CoordinationConnectionString = connection }));
    }

    [Fact]
    public void RedisOptions_AnyConfiguration_NeverAbortsOrQueuesWhileTheServerIsDown()
    {
        var options = LockService.RedisOptions("localhost:6379,abortConnect=true");
        Assert.False(options.AbortOnConnectFail);
        Assert.Same(StackExchange.Redis.BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Fact]
    public void PostgresConnection_NoServerOptions_SetsKeepalivesFromTheLeaseDuration()
    {
        var builder = LockService.PostgresConnection("Host=db;Username=u", TimeSpan.FromSeconds(30));
        Assert.Equal("-c tcp_keepalives_idle=15 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3", builder.Options);
        Assert.Equal("-c search_path=x", LockService.PostgresConnection("Host=db;Options=-c search_path=x", TimeSpan.FromSeconds(30)).Options);
    }

    [Fact]
    public void AddConnectProcessor_ProviderDisposedSynchronously_ReleasesTheLockServiceWithoutThrowing()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConnectProcessor(o =>
        {
            o.ConnectApiEndpoint = "http://127.0.0.1:5000/public/v1";
            o.ConnectApiKey = "ApiKey SU-1:x";
            o.Products.Add("PRD-1");
            o.ActivationTemplateName = "t";
        });
        var provider = services.BuildServiceProvider();
        var leases = provider.GetRequiredService<ItemLeases>();
        Assert.Equal(CoordinationKind.None, leases.Service.Kind);
        provider.Dispose();
    }

    private static List<string> Errors(ProcessorOptions options)
    {
        options.ConnectApiEndpoint = "http://127.0.0.1:5000/public/v1";
        options.ConnectApiKey = "ApiKey SU-1:x";
        options.Products.Add("PRD-1");
        options.ActivationTemplateName = "t";
        return ProcessorOptionsValidator.Check(options, hasUsageReporter: false, hasTierConfigHandler: false);
    }
}
