using System.Globalization;

namespace Connect.Emulator.Domain;

/// <summary>Timestamps in Connect's wire shape: ISO 8601 in UTC with an explicit <c>+00:00</c> offset.</summary>
internal sealed class Clock(TimeProvider time)
{
    public string Now() => Format(time.GetUtcNow());

    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
