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

    /// <summary>Connect public API base URL (<c>connectApiEndpoint</c>), e.g. <c>https://api.connect.cloudblue.com/public/v1</c>.</summary>
    public string? ConnectApiEndpoint { get; set; }

    /// <summary>Connect API key (<c>connectApiKey</c>), <c>ApiKey SU-...:secret</c> or the bare key. Never logged.</summary>
    public string? ConnectApiKey { get; set; }

    /// <summary>Allows an <c>http://</c> endpoint on a non-loopback host (<c>allowInsecureHttp</c>); off by default.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Product ids this processor handles (<c>products</c>); at least one is required.</summary>
    public IList<string> Products { get; set; } = new List<string>();

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

    /// <summary>How many requests are processed at the same time (<c>maxConcurrency</c>, 1-64); default 1.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Which share of the requests this replica handles (<c>shard:index</c>, <c>shard:count</c>); default all of them.</summary>
    public ShardOptions Shard { get; set; } = new();

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
