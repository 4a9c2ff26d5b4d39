using Connect.Sdk;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>Settings of an automation run. Validated when the engine is created.</summary>
public sealed class AutomationOptions
{
    /// <summary>
    /// The longest conversation message the engine posts (skip messages, error notes); longer text is cut and ends
    /// with an ellipsis. Default 540: Connect does not publish its limit, and 540 is the cut the legacy Python SDK
    /// shipped against the real API (PR #124).
    /// </summary>
    public const int DefaultMaxNoteLength = 540;

    /// <summary>
    /// The default <see cref="MaxConcurrency"/>: 32. Behind 20 ms of latency the fulfill benchmark approves about 14 times
    /// as many requests per second with 32 in flight as with 1 (docs/benchmarks.md); a real Connect is farther away, so
    /// waiting on the network dominates even more. 32 stays well under the processor's limit of 64 and keeps the
    /// connection pool small. A vendor API that cannot take concurrent calls sets <see cref="MaxConcurrency"/> to 1.
    /// </summary>
    public const int DefaultMaxConcurrency = 32;

    /// <summary>
    /// How many items are processed at the same time; default <see cref="DefaultMaxConcurrency"/>. Whatever the value,
    /// two items of the same asset (fulfillment requests) or of the same tier account and product (tier config
    /// requests) are never in a handler at the same time and are handled in the order they are listed (creation order
    /// with the default filters).
    /// </summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>Products whose work is listed; empty means the client's <see cref="ConnectClientOptions.Products"/>.</summary>
    public IList<string> Products { get; set; } = new List<string>();

    /// <summary>
    /// Replaces the default filters (<c>status=pending</c> and the products for requests and TCRs, <c>status=listed</c>
    /// for listings, <c>status=ready</c> for usage files). The engine lists exactly this query.
    /// </summary>
    public Query? Query { get; set; }

    /// <summary>Skip purchase requests whose <c>migration_info</c> parameter is set (done by an external service). Default true.</summary>
    public bool SkipMigrationRequests { get; set; } = true;

    /// <summary>Post a conversation message when a handler throws unexpectedly. Default false (the error is only logged).</summary>
    public bool PostNoteOnUnexpectedError { get; set; }

    /// <summary>Longest message posted to a conversation; see <see cref="DefaultMaxNoteLength"/>. At least 10.</summary>
    public int MaxNoteLength { get; set; } = DefaultMaxNoteLength;

    /// <summary>
    /// Debug and Trace entries kept per item and written (at Warning) only if that item fails. Default 200; 0 turns
    /// buffering off (Debug and Trace entries are then written as they happen).
    /// </summary>
    public int DebugLogBufferSize { get; set; } = 200;

    /// <summary>
    /// Decides, by item id, whether this engine takes an item: items it declines are neither handed to the handler nor
    /// reported (for example another replica's share). Default: every item.
    /// </summary>
    public Func<string, bool>? ItemFilter { get; set; }

    /// <summary>Clock for durations and log timestamps; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public AutomationOptions Clone() => new()
    {
        MaxConcurrency = MaxConcurrency,
        Products = new List<string>(Products),
        Query = Query?.Clone(),
        SkipMigrationRequests = SkipMigrationRequests,
        PostNoteOnUnexpectedError = PostNoteOnUnexpectedError,
        MaxNoteLength = MaxNoteLength,
        DebugLogBufferSize = DebugLogBufferSize,
        ItemFilter = ItemFilter,
        TimeProvider = TimeProvider,
    };

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be at least 1.");
        }

        if (MaxNoteLength < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNoteLength), MaxNoteLength, "MaxNoteLength must be at least 10.");
        }

        if (DebugLogBufferSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DebugLogBufferSize), DebugLogBufferSize, "DebugLogBufferSize must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (Products is null || Products.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Products must not contain empty ids.", nameof(Products));
        }
    }
}
