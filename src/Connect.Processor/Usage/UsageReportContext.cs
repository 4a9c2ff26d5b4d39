using Connect.Automation;
using Connect.Sdk;
using Connect.Usage;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>
/// What a <see cref="IUsageReporter"/> gets: the period to report and the submit helper, around the
/// <see cref="ItemContext"/> of the report (its client, logger and services).
/// </summary>
public sealed class UsageReportContext
{
    private readonly List<UsageFile> _submitted = [];

    internal UsageReportContext(ItemContext context, ProcessorOptions options, UsagePeriod period)
    {
        Context = context;
        Options = options;
        Period = period;
    }

    /// <summary>The report's context: the client, a logger and the report's service scope.</summary>
    public ItemContext Context { get; }

    /// <summary>The Connect client (of <see cref="Context"/>).</summary>
    public ConnectClient Client => Context.Client;

    /// <summary>The report's logger (of <see cref="Context"/>).</summary>
    public ILogger Logger => Context.Logger;

    /// <summary>The processor's settings (products, environments).</summary>
    public ProcessorOptions Options { get; }

    /// <summary>The month being reported (the previous calendar month, with year rollover).</summary>
    public UsagePeriod Period { get; }

    /// <summary>The usage files submitted through <see cref="SubmitAsync"/> so far.</summary>
    public IReadOnlyList<UsageFile> Submitted => _submitted;

    /// <summary>
    /// Creates a usage file for <see cref="Period"/>, writes the records as the usage spreadsheet, uploads and submits it
    /// (<see cref="UsageReportingExtensions.SubmitUsageAsync(ConnectClient, UsageFile, IEnumerable{UsageRecord}, UsageSubmitOptions?, CancellationToken)"/>).
    /// Records without start/end times get the period's bounds.
    /// </summary>
    /// <param name="productId">Product id.</param>
    /// <param name="contractId">Distribution contract id (<c>CRD-...</c>).</param>
    /// <param name="currency">Currency, e.g. <c>USD</c>.</param>
    /// <param name="records">The records; give each a unique <see cref="UsageRecord.RecordId"/> (see <see cref="UsagePeriod.RecordId"/>).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The submitted usage file.</returns>
    public async Task<UsageFile> SubmitAsync(string productId, string contractId, string currency, IEnumerable<UsageRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentNullException.ThrowIfNull(records);
        var file = new UsageFile
        {
            Name = $"Usage {productId} {Period}",
            Description = $"Usage of {productId} from {Period.From:yyyy-MM-dd} to {Period.To:yyyy-MM-dd}",
            Product = new Product { Id = productId },
            Contract = new Contract { Id = contractId },
            Currency = currency,
            ExternalId = $"{productId}-{contractId}-{Period}",
            Period = new UsageFilePeriod
            {
                From = new DateTimeOffset(Period.StartUtc),
                To = new DateTimeOffset(Period.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            },
        };
        var withPeriod = records.Select(r =>
        {
            r.StartTimeUtc ??= Period.StartUtc;
            r.EndTimeUtc ??= Period.EndUtc.AddSeconds(-1);
            return r;
        });
        var submitted = await Client.SubmitUsageAsync(file, withPeriod, new UsageSubmitOptions { Submit = true }, cancellationToken).ConfigureAwait(false);
        lock (_submitted)
        {
            _submitted.Add(submitted);
        }

        Log.UsageFileSubmitted(Logger, submitted.Id ?? "?", productId, Period.ToString());
        return submitted;
    }
}
