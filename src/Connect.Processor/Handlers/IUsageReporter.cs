namespace Connect.Processor;

/// <summary>
/// Reports pay-as-you-go usage for the previous month on <see cref="ProcessorOptions.DayToReportUsage"/> (the Python Processor SDK template's
/// <c>report_usage.py</c>). The processor computes the period (with the January-to-December year rollover) and passes a
/// context that creates, uploads and submits usage files.
/// </summary>
public interface IUsageReporter
{
    /// <summary>Collects and submits the usage of <see cref="UsageReportContext.Period"/>.</summary>
    /// <param name="context">Client, period, record ids and the submit helper.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when every usage file is submitted.</returns>
    Task ReportAsync(UsageReportContext context, CancellationToken cancellationToken = default);
}
