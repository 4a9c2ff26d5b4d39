using System.Globalization;

namespace Connect.Processor;

/// <summary>A calendar month of usage, as reported on <see cref="ProcessorOptions.DayToReportUsage"/>.</summary>
/// <param name="Year">Year of the month.</param>
/// <param name="Month">Month, 1-12.</param>
public sealed record UsagePeriod(int Year, int Month)
{
    /// <summary>First day of the month.</summary>
    public DateOnly From => new(Year, Month, 1);

    /// <summary>Last day of the month (inclusive, as Connect's <c>period.to</c>).</summary>
    public DateOnly To => From.AddMonths(1).AddDays(-1);

    /// <summary>Start of the month, 00:00 UTC.</summary>
    public DateTime StartUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Start of the next month, 00:00 UTC (the exclusive end).</summary>
    public DateTime EndUtc => From.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The month before the one containing <paramref name="now"/> (UTC): January 2026 gives December 2025.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The previous month.</returns>
    public static UsagePeriod PreviousMonth(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var previous = new DateOnly(utc.Year, utc.Month, 1).AddMonths(-1);
        return new UsagePeriod(previous.Year, previous.Month);
    }

    /// <summary>
    /// A record id that is unique per asset, item and month and the same on every attempt, so a retried report does not
    /// double-count: <c>{assetId}-{itemKey}-{yyyy-MM}</c>.
    /// </summary>
    /// <param name="assetId">Asset (subscription) id.</param>
    /// <param name="itemKey">Item MPN or id.</param>
    /// <returns>The record id.</returns>
    public string RecordId(string assetId, string itemKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemKey);
        return $"{assetId}-{itemKey}-{ToString()}";
    }

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    /// <returns>For example <c>2025-12</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
