using Connect.Sdk;

namespace Connect.Usage;

/// <summary>
/// A usage submission stopped part way. <see cref="UsageFileId"/> names the usage file that exists on Connect (null when
/// the failure came before it was created), so nothing half-done is hidden: the caller can inspect, fix or delete it.
/// </summary>
public sealed class UsageSubmitException : ConnectException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stage">The step that failed.</param>
    /// <param name="usageFileId">The usage file that exists on Connect, if any.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public UsageSubmitException(UsageSubmitStage stage, string? usageFileId, string message, Exception? innerException = null)
        : base(message, (innerException as ConnectException)?.StatusCode ?? 0, innerException)
    {
        Stage = stage;
        UsageFileId = usageFileId;
    }

    /// <summary>The step that failed.</summary>
    public UsageSubmitStage Stage { get; }

    /// <summary>The usage file left on Connect (in <c>draft</c>, <c>invalid</c> or <c>ready</c>), or null if none was created.</summary>
    public string? UsageFileId { get; }
}
