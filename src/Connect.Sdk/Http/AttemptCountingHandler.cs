namespace Connect.Sdk;

/// <summary>Pipeline step inside the retry step: counts the attempts of a call for <see cref="TracingHandler"/>.</summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(AttemptCount.Key, out var attempts))
        {
            attempts.Increment();
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The attempts of one call so far, carried in <see cref="HttpRequestMessage.Options"/>.</summary>
internal sealed class AttemptCount
{
    public static readonly HttpRequestOptionsKey<AttemptCount> Key = new("Connect.Attempts");

    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
