using Connect.Sdk;

namespace Connect.Processor;

/// <summary>
/// Settings of a processor, bound from the root of the configuration: the Python Processor SDK template's <c>config.json</c> keys
/// (<c>connectApiEndpoint</c>, <c>connectApiKey</c>) and the template's globals (<c>products</c>, <c>environments</c>,
/// <c>activationTemplateName</c>, <c>tier1ActivationTemplateName</c>, <c>dayToReportUsage</c>), plus run settings.
/// Validated when the host starts; a wrong value stops start-up with a message naming the key.
/// </summary>
public sealed class ProcessorOptions
{
    /// <summary>The connection types a processor handles when <see cref="Environments"/> is not set.</summary>
    public static readonly IReadOnlyList<string> AllEnvironments = ["test", "preview", "production"];

    /// <summary>
    /// The settings of the processor's <see cref="ConnectClient"/> (<c>connect:*</c>: <c>endpoint</c>, <c>apiKey</c>,
    /// <c>maxRetries</c>, <c>retryBaseDelay</c>, <c>timeout</c>, <c>pageSize</c>, ...). The client is the one registered
    /// with <c>AddConnectClient</c> (the <c>IHttpClientFactory</c> pipeline), configured with exactly these settings. A
    /// processor has no default endpoint: <see cref="ConnectApiEndpoint"/> must be set.
    /// </summary>
    public ConnectClientOptions Connect { get; set; } = new() { Endpoint = string.Empty };

    /// <summary>
    /// Connect public API base URL (the Python Processor SDK template's <c>connectApiEndpoint</c>), e.g. <c>https://api.connect.cloudblue.com/public/v1</c>:
    /// <see cref="ConnectClientOptions.Endpoint"/> of <see cref="Connect"/>.
    /// </summary>
    public string? ConnectApiEndpoint
    {
        get => string.IsNullOrEmpty(Connect.Endpoint) ? null : Connect.Endpoint;
        set => Connect.Endpoint = value ?? string.Empty;
    }

    /// <summary>
    /// Connect API key (the Python Processor SDK template's <c>connectApiKey</c>), <c>ApiKey SU-...:secret</c> or the bare key: <see cref="ConnectClientOptions.ApiKey"/>
    /// of <see cref="Connect"/>. Never logged, never serialized.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ConnectApiKey
    {
        get => string.IsNullOrEmpty(Connect.ApiKey) ? null : Connect.ApiKey;
        set => Connect.ApiKey = value ?? string.Empty;
    }

    /// <summary>
    /// Allows an <c>http://</c> endpoint on a non-loopback host (<c>allowInsecureHttp</c>); off by default:
    /// <see cref="ConnectClientOptions.AllowInsecureHttp"/> of <see cref="Connect"/>.
    /// </summary>
    public bool AllowInsecureHttp
    {
        get => Connect.AllowInsecureHttp;
        set => Connect.AllowInsecureHttp = value;
    }

    /// <summary>
    /// Product ids this processor handles (<c>products</c>); at least one is required. The same list as
    /// <see cref="ConnectClientOptions.Products"/> of <see cref="Connect"/>.
    /// </summary>
    public IList<string> Products
    {
        get => Connect.Products;
        set => Connect.Products = value;
    }

    /// <summary>
    /// Connection types whose requests this processor handles (<c>environments</c>): any of <c>test</c>, <c>preview</c>,
    /// <c>production</c>. Empty means all three.
    /// </summary>
    public IList<string> Environments { get; set; } = new List<string>();

    /// <summary>Name of the asset-scope activation template used to approve fulfillment requests (<c>activationTemplateName</c>).</summary>
    public string? ActivationTemplateName { get; set; }

    /// <summary>Name of the tier1-scope activation template used to approve tier config requests (<c>tier1ActivationTemplateName</c>).</summary>
    public string? Tier1ActivationTemplateName { get; set; }

    /// <summary>
    /// Day of the month (1-28) on which the usage reporter runs for the previous month (<c>dayToReportUsage</c>).
    /// Required when a usage reporter is registered; ignored otherwise.
    /// </summary>
    public int? DayToReportUsage { get; set; }

    /// <summary><see cref="ProcessorRunMode.Once"/> (the default, cron-friendly) or <see cref="ProcessorRunMode.Continuous"/> (<c>mode</c>).</summary>
    public ProcessorRunMode Mode { get; set; } = ProcessorRunMode.Once;

    /// <summary>Seconds between passes in continuous mode (<c>intervalSeconds</c>, 1-86400); default 60.</summary>
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Upper bound on passes in one <see cref="ProcessorRunMode.Once"/> run (<c>maxPasses</c>, 1-100); default 5. A run repeats its
    /// pass while the previous one made progress, so a purchase released from <c>tiers_setup</c> by an approved tier config
    /// request is processed in the same run.
    /// </summary>
    public int MaxPasses { get; set; } = 5;

    /// <summary>
    /// How many requests are processed at the same time (<c>maxConcurrency</c>, 1-64); default
    /// <see cref="global::Connect.Automation.AutomationOptions.DefaultMaxConcurrency"/> (32). Requests of one asset (tier config
    /// requests of one account and product) still run one at a time, in creation order; a vendor API that cannot take
    /// concurrent calls sets 1.
    /// </summary>
    public int MaxConcurrency { get; set; } = global::Connect.Automation.AutomationOptions.DefaultMaxConcurrency;

    /// <summary>Which share of the requests this replica handles (<c>shard:index</c>, <c>shard:count</c>); default all of them.</summary>
    public ShardOptions Shard { get; set; } = new();

    /// <summary>
    /// Where replicas lease the requests they work on (<c>coordination</c>): <see cref="CoordinationKind.None"/> (the default:
    /// in-process, for one replica, no external service), <see cref="CoordinationKind.Redis"/> or
    /// <see cref="CoordinationKind.Postgres"/>. A replica handles a request only while it holds the request's lease, from
    /// before its handler runs until the outcome is written to Connect. Combines with <see cref="Shard"/>.
    /// </summary>
    public CoordinationKind Coordination { get; set; } = CoordinationKind.None;

    /// <summary>
    /// The lock service's connection string (<c>coordinationConnectionString</c>, or the <c>CONNECT_COORDINATION_CONNECTION</c>
    /// environment variable): a StackExchange.Redis configuration (<c>redis:6379,password=...</c>) or an Npgsql connection
    /// string (<c>Host=...;Username=...;Password=...;Database=...</c>). Required for Redis and PostgreSQL. Never logged.
    /// </summary>
    public string? CoordinationConnectionString { get; set; }

    /// <summary>
    /// How long a lease outlives a replica that dies holding it (<c>leaseDurationSeconds</c>, 2-3600); default 30. With
    /// Redis, a lease is a key with this expiry, extended every third of it while held: a longer lease survives longer
    /// pauses of a live replica, a shorter one lets the survivors take a dead replica's requests sooner. With PostgreSQL, a
    /// killed process's leases end at once with its session; this bounds the server's keepalive checks of a vanished host.
    /// </summary>
    public int LeaseDurationSeconds { get; set; } = 30;

    /// <summary>Whether purchases are checked with the ordering-parameter validators and inquired when a check fails; default true.</summary>
    public bool InquireOnInvalidOrderingParameters { get; set; } = true;

    /// <summary>Name of an inquire template (asset scope) sent with inquiries (<c>inquireTemplateName</c>); none when empty.</summary>
    public string? InquireTemplateName { get; set; }

    /// <summary>The dynamic validation endpoint (<c>dynamicValidation:*</c>).</summary>
    public DynamicValidationOptions DynamicValidation { get; set; } = new();

    /// <summary>The connection types in effect: <see cref="Environments"/>, or all three when it is empty.</summary>
    public IReadOnlyList<string> EffectiveEnvironments => Environments is { Count: > 0 } ? [.. Environments] : AllEnvironments;

    /// <summary>The poll interval as a time span.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}
