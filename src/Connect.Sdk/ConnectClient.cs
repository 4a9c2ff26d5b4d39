using System.Text.RegularExpressions;
using Connect.Sdk.Models;
using Connect.Sdk.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect.Sdk;

/// <summary>
/// The root client of the Connect API. Sub-clients (<see cref="Requests"/>, <see cref="UsageFiles"/>, ...) are
/// created without I/O and share one <see cref="HttpClient"/>. Every call goes through the SDK's pipeline of
/// <see cref="DelegatingHandler"/>s (User-Agent, API key, logging, retries and timeout): <c>AddConnectClient</c>
/// registers it with <c>IHttpClientFactory</c>; without a supplied <see cref="HttpClient"/> the client builds its own
/// with <see cref="CreateHttpMessageHandler"/>. Every failure is a <see cref="ConnectException"/>.
/// </summary>
public sealed partial class ConnectClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ConnectTransport _transport;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Endpoint, key and transport settings (copied and validated).</param>
    /// <param name="httpClient">
    /// The HTTP client to use. It must carry the SDK's pipeline, which adds the API key: one from
    /// <c>IHttpClientFactory</c> as <c>AddConnectClient</c> registers it, or
    /// <c>new HttpClient(ConnectClient.CreateHttpMessageHandler(options, ...))</c>. When <see langword="null"/>, the
    /// client creates and owns one with the whole pipeline.
    /// </param>
    /// <param name="loggerFactory">
    /// Optional logger factory (category <c>Connect.Sdk</c>); the SDK logs one line per call at Debug and the details at
    /// Trace, with the key masked. For a supplied <paramref name="httpClient"/>, its pipeline logs the calls.
    /// </param>
    /// <exception cref="ConnectConfigurationException">The options are invalid.</exception>
    public ConnectClient(ConnectClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Clone();
        Options.Validate();
        if (httpClient is null)
        {
            _http = new HttpClient(CreateHttpMessageHandler(Options, null, null, loggerFactory)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = httpClient;
        }

        var logger = loggerFactory?.CreateLogger(ConnectHttpPipeline.LogCategory) ?? NullLogger.Instance;
        _transport = new ConnectTransport(_http, Options, logger);
        Requests = new RequestsResource(_transport);
        TierConfigRequests = new TierConfigRequestsResource(_transport);
        TierConfigs = new TierConfigsResource(_transport);
        Assets = new AssetsResource(_transport);
        Products = new ProductsResource(_transport);
        Templates = new TemplatesResource(_transport);
        Conversations = new ConversationsResource(_transport);
        Marketplaces = new ReadOnlyResourceCollection<Marketplace>(_transport, "marketplaces");
        Accounts = new ReadOnlyResourceCollection<Account>(_transport, "accounts");
        Contracts = new ReadOnlyResourceCollection<Contract>(_transport, "contracts");
        Listings = new ReadOnlyResourceCollection<UsageListing>(_transport, "listings");
        UsageFiles = new UsageFilesResource(_transport);
        UsageRecords = new ReadOnlyResourceCollection<UsageRecordDetails>(_transport, "usage/records");
        UsageReconciliations = new ReadOnlyResourceCollection<UsageReconciliation>(_transport, "usage/reconciliations");
        Subscriptions = new SubscriptionsResource(_transport);
        Hubs = new HubsResource(_transport);
        Directory = new DirectoryResource(this);
    }

    /// <summary>The client's copy of its options (the key is in it: do not log it).</summary>
    public ConnectClientOptions Options { get; }

    /// <summary>Fulfillment requests (<c>/requests</c>).</summary>
    public RequestsResource Requests { get; }

    /// <summary>Tier config requests (<c>/tier/config-requests</c>).</summary>
    public TierConfigRequestsResource TierConfigRequests { get; }

    /// <summary>Tier configs (<c>/tier/configs</c>).</summary>
    public TierConfigsResource TierConfigs { get; }

    /// <summary>Assets (<c>/assets</c>).</summary>
    public AssetsResource Assets { get; }

    /// <summary>Products (<c>/products</c>).</summary>
    public ProductsResource Products { get; }

    /// <summary>Legacy template rendering (<c>/templates/{id}/render</c>).</summary>
    public TemplatesResource Templates { get; }

    /// <summary>Conversations (<c>/conversations</c>).</summary>
    public ConversationsResource Conversations { get; }

    /// <summary>Marketplaces (<c>/marketplaces</c>).</summary>
    public ReadOnlyResourceCollection<Marketplace> Marketplaces { get; }

    /// <summary>Accounts visible to the key (<c>/accounts</c>).</summary>
    public ReadOnlyResourceCollection<Account> Accounts { get; }

    /// <summary>Contracts (<c>/contracts</c>).</summary>
    public ReadOnlyResourceCollection<Contract> Contracts { get; }

    /// <summary>Listings (<c>/listings</c>), as used by usage reporting.</summary>
    public ReadOnlyResourceCollection<UsageListing> Listings { get; }

    /// <summary>Usage files (<c>/usage/files</c>).</summary>
    public UsageFilesResource UsageFiles { get; }

    /// <summary>Usage records (<c>/usage/records</c>).</summary>
    public ReadOnlyResourceCollection<UsageRecordDetails> UsageRecords { get; }

    /// <summary>Usage reconciliations (<c>/usage/reconciliations</c>).</summary>
    public ReadOnlyResourceCollection<UsageReconciliation> UsageReconciliations { get; }

    /// <summary>The subscriptions module: <c>/subscriptions/assets</c> and billing requests (<c>/subscriptions/requests</c>).</summary>
    public SubscriptionsResource Subscriptions { get; }

    /// <summary>Hubs (<c>/hubs</c>).</summary>
    public HubsResource Hubs { get; }

    /// <summary>The Python connect-sdk's <c>Directory</c>: assets, products and tier configs by id.</summary>
    public DirectoryResource Directory { get; }

    /// <summary>An untyped collection by path, e.g. <c>Collection("subscriptions/assets")</c>.</summary>
    /// <param name="name">Collection path relative to the endpoint.</param>
    /// <returns>The collection (no call is made).</returns>
    public ConnectCollection Collection(string name) => new(_transport, CheckName(name));

    /// <summary>A namespace of collections, e.g. <c>Ns("tier").Collection("configs")</c>.</summary>
    /// <param name="name">Namespace name.</param>
    /// <returns>The namespace (no call is made).</returns>
    public ConnectNamespace Ns(string name) => new(_transport, CheckName(name));

    /// <summary>
    /// Builds the SDK's pipeline over <paramref name="innerHandler"/> (a new <see cref="SocketsHttpHandler"/> by
    /// default), outermost first: User-Agent, API key (to the endpoint's host only), logging, retries and timeout. Use it
    /// to give a custom or test handler the same steps: <c>new HttpClient(ConnectClient.CreateHttpMessageHandler(options, inner))</c>.
    /// </summary>
    /// <param name="options">Endpoint, key, retry and timeout settings.</param>
    /// <param name="innerHandler">The handler that sends the calls.</param>
    /// <param name="timeProvider">Clock for retry delays, timeouts and logged times; <see langword="null"/> takes <see cref="ConnectClientOptions.TimeProvider"/>, else the system clock.</param>
    /// <param name="loggerFactory">Where the calls are logged (category <c>Connect.Sdk</c>); <see langword="null"/> logs nothing.</param>
    /// <returns>The outermost handler.</returns>
    public static HttpMessageHandler CreateHttpMessageHandler(
        ConnectClientOptions options, HttpMessageHandler? innerHandler = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        innerHandler ??= new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(15) };
        return ConnectHttpPipeline.Create(options, innerHandler, loggerFactory, timeProvider);
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid collection path (letters, digits, '-', '_', '/').", nameof(name));
        }

        return name.Trim('/');
    }

    [GeneratedRegex(@"^/?[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*/?$")]
    private static partial Regex NamePattern();
}
