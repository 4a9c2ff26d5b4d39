namespace Connect.Processor;

/// <summary>Where the processor's dynamic validation endpoint listens (useful with port 0).</summary>
public sealed class DynamicValidationAddress
{
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The endpoint's URL once it listens, or null (not enabled, or not started yet).</summary>
    public Uri? Url => _url.Task.IsCompletedSuccessfully ? _url.Task.Result : null;

    /// <summary>Waits until the endpoint listens.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The endpoint's URL.</returns>
    public Task<Uri> WaitAsync(CancellationToken cancellationToken = default) => _url.Task.WaitAsync(cancellationToken);

    internal void Set(Uri url) => _url.TrySetResult(url);
}
