using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>How long and how often a <see cref="RequestDispatcher"/> waits for the processor.</summary>
public sealed class DispatcherOptions
{
    /// <summary>How long to wait for a request to leave the waiting statuses; default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time between two reads of the request; default 250 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The statuses that mean "not handled yet": <c>pending</c>, and <c>tiers_setup</c> (a purchase waiting for its
    /// tier config request, which the processor handles first).
    /// </summary>
    public ISet<string> WaitWhile { get; } = new HashSet<string>(StringComparer.Ordinal) { RequestStatus.Pending, RequestStatus.TiersSetup };

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "PollInterval must be positive.");
        }
    }
}
