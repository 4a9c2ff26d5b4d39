namespace Connect.Sdk;

/// <summary>
/// Pipeline step: adds <c>Authorization: ApiKey ...</c> to calls to the configured endpoint's host. A download from a
/// link (<see cref="ConnectRequest.Anonymous"/>) and a call to any other host go without the key.
/// </summary>
internal sealed class AuthenticationHandler(ConnectClientOptions options) : DelegatingHandler
{
    private readonly string _authorization = options.AuthorizationHeader;
    private readonly Uri _endpoint = options.BaseUri;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!ConnectRequest.IsAnonymous(request) && request.RequestUri is { } url
            && Uri.Compare(url, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            && !request.Headers.Contains("Authorization"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
