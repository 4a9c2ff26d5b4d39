using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests.Integration;

/// <summary>The emulator's business-rule errors as the client surfaces them, and logging of a real session.</summary>
public sealed class BusinessRulesIntegrationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private ConnectClient Client => emulator.Client;

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ApproveByTemplateAsync_RequiredFulfillmentParamEmpty_Throws400Req003()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.ApproveByTemplateAsync(Demo.CompletePending, Demo.ActivationTemplate));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_003", ex.ErrorCode);
        Assert.Equal(RequestStatus.Pending, (await Client.Requests.GetAsync(Demo.CompletePending)).Status);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_InquireTemplate_Throws400Req004()
    {
        await Client.Requests.UpdateParametersAsync(Demo.CompletePending, [new Param { Id = "subscription_id", Value = "SUB-1" }]);

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.ApproveByTemplateAsync(Demo.CompletePending, "TL-400-500-601"));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_004", ex.ErrorCode);
    }

    [Fact]
    public async Task ApproveByTemplateAsync_FromInquiring_IsAllowed()
    {
        await Client.Requests.UpdateParametersAsync(
            Demo.Inquiring,
            [new Param { Id = "customer_email", Value = "fixed@example.com", ValueError = string.Empty }, new Param { Id = "subscription_id", Value = "SUB-INQ" }]);

        var approved = await Client.Requests.ApproveByTemplateAsync(Demo.Inquiring, Demo.ActivationTemplate);

        Assert.Equal(RequestStatus.Approved, approved!.Status);
    }

    [Fact]
    public async Task CreateAsync_ChangeOnAssetWithOpenRequest_Throws400Req005()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.CreateAsync(new FulfillmentRequest
        {
            Type = RequestType.Suspend,
            Asset = new Asset { Id = "AS-0001-0001-0003" },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_005", ex.ErrorCode);
    }

    [Fact]
    public async Task UpdateParametersAsync_ApprovedRequest_Throws400Req007()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(
            () => Client.Requests.UpdateParametersAsync(Demo.Approved, [new Param { Id = "subscription_id", Value = "late" }]));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_007", ex.ErrorCode);
    }

    [Fact]
    public async Task CreateAsync_DuplicateUniqueParam_Throws400Req006()
    {
        var existing = await Client.Requests.GetAsync(Demo.Approved);
        var domain = existing.Asset!.GetParamById("tenant_domain")!.Value;

        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.Requests.CreateAsync(new FulfillmentRequest
        {
            Type = RequestType.Purchase,
            Asset = new Asset
            {
                ExternalId = "dup-1",
                Connection = new Connection { Id = "CT-0000-0000-0001" },
                Product = new Product { Id = Demo.TierProduct },
                Items = [new Item { Mpn = "MPN-A", Quantity = 1 }],
                Params = [new Param { Id = "customer_email", Value = "x@example.com" }, new Param { Id = "tenant_domain", Value = domain }],
                Tiers = new Tiers { Customer = new TierAccount { Id = Demo.Acme }, Tier1 = new TierAccount { Id = Demo.Northwind } },
            },
            Marketplace = new Marketplace { Id = Demo.MarketplaceEu },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("REQ_006", ex.ErrorCode);
    }

    [Fact]
    public async Task TierConfigRequestsCreateAsync_ConfigWithOpenRequest_Throws400Tcr004()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(() => Client.TierConfigRequests.CreateAsync(new TierConfigRequest
        {
            Configuration = new TierConfig { Id = "TC-048-244-308" },
            Params = [new Param { Id = "partner_number", Value = "P-9" }],
        }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("TCR_004", ex.ErrorCode);
    }

    [Fact]
    public async Task TierConfigRequestsUpdateParametersAsync_ApprovedTcr_Throws400Tcr005()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(
            () => Client.TierConfigRequests.UpdateParametersAsync(Demo.NorthwindTcr, [new Param { Id = "partner_number", Value = "late" }]));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("TCR_005", ex.ErrorCode);
    }

    [Fact]
    public async Task TierConfigRequestsUpdateParametersAsync_UnknownParam_Throws400Tcr002()
    {
        var ex = await Assert.ThrowsAsync<ConnectApiException>(
            () => Client.TierConfigRequests.UpdateParametersAsync(Demo.ContosoTcr, [new Param { Id = "no_such_param", Value = "x" }]));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("TCR_002", ex.ErrorCode);
    }

    [Fact]
    public async Task Session_TraceLogging_NeverContainsTheSecret()
    {
        var secretPart = Assert.Single(emulator.Host.ApiKey.Split(':').Skip(1));
        using var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        using var client = new ConnectClient(new ConnectClientOptions { Endpoint = emulator.Host.BaseUrl, ApiKey = emulator.Host.ApiKey, MaxRetries = 0 }, loggerFactory: factory);

        await client.Requests.ListAsync(new Query().Equal("status", RequestStatus.Pending).Limit(2)).Take(3).ToListAsync();
        await client.Requests[Demo.CompletePending].UpdateParametersAsync([new Param { Id = "subscription_id", Value = "SUB-LOG" }]);
        await Assert.ThrowsAsync<ConnectApiException>(() => client.Requests[Demo.Approved].InquireAsync());
        await client.Conversations.GetByInstanceIdAsync(Demo.CompletePending);

        Assert.Contains(provider.Lines, l => l.Contains("requests", StringComparison.Ordinal));
        Assert.Contains(provider.Lines, l => l.Contains("REQ_001", StringComparison.Ordinal));
        Assert.DoesNotContain(provider.Lines, l => l.Contains(secretPart, StringComparison.Ordinal));
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                lines.Enqueue(formatter(state, exception) + " " + values + " " + exception);
            }
        }
    }
}
