using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Connect.Emulator;
using Connect.Processor;
using System.Text.Json;
using Connect.Sdk;
using ExampleProcessor;
using ExampleProcessor.Vendor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Connect.Sdk.Models;

namespace Connect.Reliability.Tests;

public sealed class SecretsTests(ITestOutputHelper output)
{
    private const string Secret = "Zq7TopSecretValue9f8e7d6c5b4a";
    private const string ApiKey = "ApiKey SU-555-666-777:" + Secret;

    [Fact]
    public async Task ExampleProcessor_FullRunAtTraceWithFaults_NeverWritesTheSecret()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo", ApiKeys = { ApiKey } });
        await using var vendor = await MockVendorApi.StartAsync();
        using (var control = new Control(emulator))
        {
            await control.GenerateAsync("PRD-100-200-300", 20);
            // Errors and lost answers make the processor log its failure paths (exceptions included).
            await control.SetFaultsAsync(JsonNode.Parse("""
                {"seed":5,"rules":[
                  {"route":"/public/v1/requests/*/approve","method":"POST","kind":"error","errorRate":0.3,"status":500},
                  {"route":"/public/v1/requests/*/approve","method":"POST","kind":"failAfterCommit","errorRate":0.2},
                  {"route":"/public/v1/**","method":"GET","kind":"error","errorRate":0.1,"status":503}]}
                """)!);
        }

        var sink = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["connectApiEndpoint"] = emulator.BaseUrl,
            ["connectApiKey"] = ApiKey,
            ["products:0"] = "PRD-100-200-300",
            ["environments:0"] = "test",
            ["environments:1"] = "preview",
            ["environments:2"] = "production",
            ["activationTemplateName"] = "Default Activation Template",
            ["tier1ActivationTemplateName"] = "Tier1 Activation Template",
            ["inquireTemplateName"] = "Inquire Template",
            ["mode"] = "Once",
            ["maxConcurrency"] = "4",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(sink);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddExampleProcessor(builder.Configuration, vendor.BaseUrl);
        using var host = builder.Build();
        var exit = await host.RunProcessorAsync().WaitAsync(TimeSpan.FromMinutes(2));

        // Exception messages of the client's own failures: a wrong key and an unreachable host.
        var messages = new List<string>();
        using (var wrong = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.BaseUrl, ApiKey = "ApiKey SU-555-666-777:" + Secret + "x", MaxRetries = 0 }))
        {
            messages.Add((await Assert.ThrowsAsync<ConnectApiException>(() => wrong.Requests.GetAsync("PR-0001-0001-0001-001"))).ToString());
        }

        using (var unreachable = new ConnectClient(new ConnectClientOptions { Endpoint = "http://127.0.0.1:9/public/v1", ApiKey = ApiKey, MaxRetries = 0 }))
        {
            messages.Add((await Assert.ThrowsAnyAsync<Exception>(() => unreachable.Requests.GetAsync("PR-1"))).ToString());
        }

        messages.Add(Assert.ThrowsAny<Exception>(() => new ConnectClient(new ConnectClientOptions { Endpoint = "http://connect.example.com/public/v1", ApiKey = ApiKey })).ToString());

        var lines = sink.Lines.ToList();
        output.WriteLine($"processor exit {exit}; {lines.Count} log lines captured ({lines.Count(l => l.StartsWith("Trace", StringComparison.Ordinal))} at Trace), {lines.Count(l => l.Contains("Exception", StringComparison.Ordinal))} with an exception");
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal) && l.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("Exception", StringComparison.Ordinal));
        var leaks = lines.Concat(messages).Where(l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(Secret[..12], StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "the secret leaked:\n" + string.Join("\n", leaks.Take(5)));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("variable")]
    public async Task EmulatorBanner_KeyFromFileOrVariable_ShowsItMaskedAndAcceptsIt(string source)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ApiKey + "\n");
            using var emulator = source == "file"
                ? await EmulatorProcess.StartAsync(["--api-key-file", file])
                : await EmulatorProcess.StartAsync(environment: new Dictionary<string, string> { ["CONNECT_EMULATOR_API_KEY"] = ApiKey });
            output.WriteLine(string.Join("\n", emulator.Banner));

            Assert.Contains("API key: ApiKey SU-555-666-777:********", emulator.Banner);
            Assert.DoesNotContain(emulator.Banner, line => line.Contains(Secret[..8], StringComparison.Ordinal));
            using var client = emulator.Client(ApiKey);
            Assert.True((await client.GetAsync("products?limit=1")).IsSuccessStatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EmulatorBanner_DefaultKey_IsMaskedToo()
    {
        using var emulator = await EmulatorProcess.StartAsync();

        Assert.Contains("API key: ApiKey SU-000-000-000:******** (the default key, see --help)", emulator.Banner);
        Assert.DoesNotContain(emulator.Banner, line => line.Contains(":emulator", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_Options_NeverIncludesTheKey()
    {
        var client = JsonSerializer.Serialize(new ConnectClientOptions { Endpoint = "http://127.0.0.1:1/public/v1", ApiKey = ApiKey });
        var processor = JsonSerializer.Serialize(new ProcessorOptions { ConnectApiEndpoint = "http://127.0.0.1:1/public/v1", ConnectApiKey = ApiKey });

        Assert.DoesNotContain(Secret, client, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, processor, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", client, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", processor, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EndpointAndKeySwapped_MessagesNeverShowTheKey()
    {
        var client = Assert.Throws<ConnectConfigurationException>(() => new ConnectClient(new ConnectClientOptions { Endpoint = ApiKey, ApiKey = "http://127.0.0.1:1/public/v1" }));
        var bare = Assert.Throws<ConnectConfigurationException>(() => new ConnectClient(new ConnectClientOptions { Endpoint = "SU-555-666-777:" + Secret, ApiKey = "x" }));
        var services = new ServiceCollection();
        services.AddConnectProcessor(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["connectApiEndpoint"] = ApiKey,
            ["connectApiKey"] = "http://127.0.0.1:1/public/v1",
            ["products:0"] = "PRD-100-200-300",
        }).Build());
        using var provider = services.BuildServiceProvider();
        var invalid = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProcessorOptions>>().Value);
        var processor = invalid.Failures.Append(invalid.Message).Append(invalid.ToString()).ToList();

        Assert.Contains("not an absolute http(s) URL", client.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..8], client.Message + bare.Message, StringComparison.Ordinal);
        Assert.Contains(processor, f => f.Contains("connectApiEndpoint is not an absolute http(s) URL", StringComparison.Ordinal));
        Assert.DoesNotContain(processor, f => f.Contains(Secret[..8], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://connect.example.com/public/v1")]
    [InlineData("http://10.0.0.1/public/v1")]
    public void Client_HttpToNonLoopbackHost_IsRefusedUnlessAllowed(string endpoint)
    {
        var ex = Assert.Throws<ConnectConfigurationException>(() => new ConnectClient(new ConnectClientOptions { Endpoint = endpoint, ApiKey = ApiKey }));
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Throws<ConnectConfigurationException>(() => ConnectConfig.FromJson($$"""{"apiEndpoint":"{{endpoint}}","apiKey":"{{ApiKey}}"}"""));

        using var allowed = new ConnectClient(new ConnectClientOptions { Endpoint = endpoint, ApiKey = ApiKey, AllowInsecureHttp = true });
        Assert.NotNull(allowed);
        Assert.NotNull(ConnectConfig.FromJson($$"""{"apiEndpoint":"{{endpoint}}","apiKey":"{{ApiKey}}","allowInsecureHttp":true}"""));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/public/v1")]
    [InlineData("http://localhost:8080/public/v1")]
    [InlineData("http://[::1]:8080/public/v1")]
    public void Client_HttpToLoopback_IsAllowed(string endpoint)
    {
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = endpoint, ApiKey = ApiKey });
        Assert.NotNull(client);
    }
}

/// <summary>Keeps every log line: level, category, message, scopes and the exception with its stack trace.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            provider.Lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} | {values} | scopes: {string.Join(" => ", scopes)} | {exception}");
        }
    }
}
