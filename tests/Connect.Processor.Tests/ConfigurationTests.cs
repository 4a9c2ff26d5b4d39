using Connect.Automation;
using Connect.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Processor.Tests;

/// <summary>Settings: sources, binding and start-up validation naming the setting at fault.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("connectApiKey", null, "connectApiKey is required")]
    [InlineData("connectApiEndpoint", null, "connectApiEndpoint is required")]
    [InlineData("connectApiEndpoint", "ftp://example.com", "connectApiEndpoint 'ftp://example.com' is not an absolute http(s) URL")]
    [InlineData("connectApiEndpoint", "http://connect.example.com/public/v1", "connectApiEndpoint 'http://connect.example.com/public/v1' uses http://")]
    [InlineData("products:0", null, "products must list at least one product id")]
    [InlineData("environments:0", "staging", "environments[0] 'staging' must be one of test, preview, production")]
    [InlineData("activationTemplateName", null, "activationTemplateName is required")]
    [InlineData("dayToReportUsage", "31", "dayToReportUsage must be a day of the month from 1 to 28 (was 31)")]
    [InlineData("dayToReportUsage", "0", "dayToReportUsage must be a day of the month from 1 to 28 (was 0)")]
    [InlineData("intervalSeconds", "0", "intervalSeconds must be between 1 and 86400")]
    [InlineData("shard:index", "2", "shard:index must be between 0 and shard:count - 1 = 0 (was 2)")]
    [InlineData("maxConcurrency", "0", "maxConcurrency must be between 1 and 64")]
    public async Task StartAsync_WrongSetting_FailsNamingIt(string key, string? value, string expected)
    {
        var settings = Valid();
        if (value is null)
        {
            settings.Remove(key);
        }
        else
        {
            settings[key] = value;
        }

        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TierConfigHandlerWithoutTier1TemplateName_FailsNamingIt()
    {
        var settings = Valid();
        settings.Remove("tier1ActivationTemplateName");
        using var host = Build(settings, b => b.AddTierConfigHandler<NoTierConfig>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("tier1ActivationTemplateName is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_UsageReporterWithoutDay_FailsNamingDayToReportUsage()
    {
        using var host = Build(Valid(), b => b.AddUsageReporter<TestUsageReporter>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("dayToReportUsage is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunProcessorAsync_InvalidConfiguration_ReturnsExitCodeTwo()
    {
        var settings = Valid();
        settings.Remove("products:0");
        using var host = Build(settings);

        Assert.Equal(ProcessorHostExtensions.ConfigurationErrorExitCode, await host.RunProcessorAsync());
    }

    [Fact]
    public void AddConnectProcessor_ConnectSettings_ReachTheRegisteredClient()
    {
        var settings = Valid();
        settings["connect:maxRetries"] = "5";
        settings["connect:timeout"] = "00:00:42";
        settings["connect:pageSize"] = "250";
        using var host = Build(settings);

        var client = host.Services.GetRequiredService<ConnectProcessor>().Client;

        Assert.Equal("https://api.connect.example.com/public/v1", client.Options.Endpoint);
        Assert.Equal("ApiKey SU-000:secret", client.Options.ApiKey);
        Assert.Equal(["PRD-100-200-300"], client.Options.Products);
        Assert.Equal(5, client.Options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(42), client.Options.Timeout);
        Assert.Equal(250, client.Options.PageSize);
    }

    [Fact]
    public void AddConnectProcessor_EveryClientSetting_IsCarriedToTheClientOptions()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var changed = new List<string>();
        builder.Services.AddConnectProcessor(o =>
        {
            o.ActivationTemplateName = "Default Activation Template";
            o.Connect = new ConnectClientOptions();
            foreach (var property in typeof(ConnectClientOptions).GetProperties().Where(p => p.CanWrite))
            {
                property.SetValue(o.Connect, property.Name == nameof(ConnectClientOptions.Endpoint)
                    ? "https://api.example.org/public/v1"
                    : Different(property, property.GetValue(o.Connect)));
                changed.Add(property.Name);
            }
        });
        using var host = builder.Build();

        var expected = host.Services.GetRequiredService<IOptions<ProcessorOptions>>().Value.Connect;
        var actual = host.Services.GetRequiredService<IOptions<ConnectClientOptions>>().Value;

        Assert.NotEmpty(changed);
        foreach (var property in typeof(ConnectClientOptions).GetProperties().Where(p => p.CanWrite))
        {
            var value = property.GetValue(actual);
            Assert.True(
                value is System.Collections.IEnumerable list and not string
                    ? list.Cast<object>().SequenceEqual(((System.Collections.IEnumerable)property.GetValue(expected)!).Cast<object>())
                    : Equals(value, property.GetValue(expected)),
                $"ConnectClientOptions.{property.Name} was not carried over");
            Assert.NotEqual(property.GetValue(new ConnectClientOptions()), value);
        }
    }

    [Fact]
    public void Bind_ConfigJsonKeys_MapOntoOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"processor-config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            File.WriteAllText(Path.Combine(path, "config.json"), """
                { "connectApiEndpoint": "https://api.connect.example.com/public/v1", "connectApiKey": "ApiKey SU-1:secret",
                  "products": ["PRD-1", "PRD-2"], "environments": ["production"], "activationTemplateName": "Activation",
                  "tier1ActivationTemplateName": "Tier1", "dayToReportUsage": 3, "shard": { "index": 1, "count": 4 } }
                """);
            var configuration = new ConfigurationBuilder().AddConnectProcessorConfiguration(["--interval", "15"], path).Build();
            var options = configuration.Get<ProcessorOptions>()!;

            Assert.Equal("https://api.connect.example.com/public/v1", options.ConnectApiEndpoint);
            Assert.Equal(["PRD-1", "PRD-2"], options.Products);
            Assert.Equal(["production"], options.EffectiveEnvironments);
            Assert.Equal(3, options.DayToReportUsage);
            Assert.Equal(1, options.Shard.Index);
            Assert.Equal(4, options.Shard.Count);
            Assert.Equal(ProcessorRunMode.Continuous, options.Mode);
            Assert.Equal(15, options.IntervalSeconds);
        }
        finally
        {
            Directory.Delete(path, true);
        }
    }

    [Fact]
    public void FromEnvironment_ConnectVariables_MapOntoConfigKeys()
    {
        var variables = new Dictionary<string, string>
        {
            ["CONNECT_API_URL"] = "https://api.example.com/public/v1",
            ["CONNECT_API_KEY"] = "ApiKey SU-2:secret",
            ["CONNECT_PRODUCTS"] = "PRD-1, PRD-2",
        };

        var settings = ProcessorConfigurationExtensions.FromEnvironment(n => variables.GetValueOrDefault(n));

        Assert.Equal("https://api.example.com/public/v1", settings["connectApiEndpoint"]);
        Assert.Equal("ApiKey SU-2:secret", settings["connectApiKey"]);
        Assert.Equal("PRD-2", settings["products:1"]);
        Assert.False(settings.ContainsKey("environments:0"));
    }

    [Theory]
    [InlineData(new[] { "--once" }, "mode", "Once")]
    [InlineData(new[] { "--interval", "10" }, "intervalSeconds", "10")]
    [InlineData(new[] { "--interval=10" }, "mode", "Continuous")]
    [InlineData(new[] { "--shard", "1/3" }, "shard:count", "3")]
    public void Parse_Flags_BecomeSettings(string[] args, string key, string expected) =>
        Assert.Equal(expected, ProcessorCommandLine.Parse(args).Settings[key]);

    [Theory]
    [InlineData("--interval", "0")]
    [InlineData("--interval", "soon")]
    [InlineData("--shard", "2")]
    public void Parse_BadFlagValue_ThrowsNamingTheFlag(string flag, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessorCommandLine.Parse([flag, value]));
        Assert.StartsWith(flag, error.Message, StringComparison.Ordinal);
    }

    // A value unlike the default of a ConnectClientOptions property, of the property's type.
    private static object Different(System.Reflection.PropertyInfo property, object? value) => value switch
    {
        string text => text + "x",
        bool flag => !flag,
        int number => number + 7,
        TimeSpan span => span + TimeSpan.FromSeconds(3),
        IList<string> => new List<string> { "PRD-X" },
        null when property.PropertyType == typeof(TimeProvider) => TimeProvider.System,
        _ => throw new InvalidOperationException($"Add a different value for {value?.GetType().Name} (a new ConnectClientOptions setting)."),
    };

    private static Dictionary<string, string?> Valid() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["connectApiEndpoint"] = "https://api.connect.example.com/public/v1",
        ["connectApiKey"] = "ApiKey SU-000:secret",
        ["products:0"] = "PRD-100-200-300",
        ["activationTemplateName"] = "Default Activation Template",
        ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
    };

    private static IHost Build(Dictionary<string, string?> settings, Action<ProcessorBuilder>? handlers = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        var processor = builder.Services.AddConnectProcessor(builder.Configuration);
        handlers?.Invoke(processor);
        return builder.Build();
    }

    private sealed class NoTierConfig : IRequestHandler<Connect.Sdk.Models.TierConfigRequest>
    {
        public Task<Connect.Automation.ProcessResult> HandleAsync(Connect.Sdk.Models.TierConfigRequest request, ItemContext context, CancellationToken cancellationToken) =>
            Task.FromResult(Connect.Automation.ProcessResult.Skip());
    }
}
