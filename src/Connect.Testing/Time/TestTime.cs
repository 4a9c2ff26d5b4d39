using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Testing;

/// <summary>
/// A clock the test moves, for code that reads time through <see cref="TimeProvider"/> (the processor's usage schedule,
/// retries, polling): <see cref="FakeTimeProvider"/> started at a chosen instant, and the registration that puts it in a
/// processor's services.
/// </summary>
public static class TestTime
{
    /// <summary>A fake clock at <paramref name="utc"/>; it moves only when the test advances it.</summary>
    /// <param name="utc">The instant.</param>
    /// <returns>The clock.</returns>
    public static FakeTimeProvider At(DateTimeOffset utc) => new(utc.ToUniversalTime());

    /// <summary>A fake clock at an ISO 8601 instant (<c>2026-03-05T06:00:00Z</c>).</summary>
    /// <param name="iso8601">The instant.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="FormatException">The text is not an ISO 8601 instant.</exception>
    public static FakeTimeProvider At(string iso8601) =>
        At(DateTimeOffset.Parse(iso8601, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));

    /// <summary>
    /// A fake clock on the usage report day: <paramref name="day"/> of the given month at <paramref name="hourUtc"/>,
    /// the moment a processor with <c>dayToReportUsage</c> = <paramref name="day"/> reports the previous month.
    /// </summary>
    /// <param name="year">Year.</param>
    /// <param name="month">Month (1-12).</param>
    /// <param name="day">Day of the month (1-28, as <c>dayToReportUsage</c>).</param>
    /// <param name="hourUtc">Hour of the day, UTC.</param>
    /// <returns>The clock.</returns>
    public static FakeTimeProvider OnUsageDay(int year, int month, int day, int hourUtc = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 28);
        return At(new DateTimeOffset(year, month, day, hourUtc, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Makes <paramref name="time"/> the <see cref="TimeProvider"/> of these services, replacing any other.</summary>
    /// <param name="services">The services (for example a processor host's).</param>
    /// <param name="time">The clock.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection UseTime(this IServiceCollection services, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(time);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(time);
        return services;
    }
}
