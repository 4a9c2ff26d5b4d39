using System.Globalization;

namespace Connect.Usage.Tests;

public sealed class UsageCellsTests
{
    [Fact]
    public void FormatDate_ManyDates_MatchesTheContractFormatString()
    {
        var random = new Random(8);
        var dates = new List<DateTime>
        {
            DateTime.MinValue,
            DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            new(2026, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc),
            new(2024, 2, 29, 0, 0, 0, DateTimeKind.Unspecified),
        };
        for (var i = 0; i < 2_000; i++)
        {
            dates.Add(new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc));
        }

        foreach (var date in dates)
        {
            Assert.Equal(date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), UsageCells.FormatDate(date));
        }
    }

    [Fact]
    public void FormatDate_LocalTime_IsWrittenInUtc()
    {
        var local = new DateTime(2026, 6, 1, 12, 30, 15, DateTimeKind.Local);

        Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), UsageCells.FormatDate(local));
    }
}
