namespace Connect.Sdk;

/// <summary>What the transport tells the handlers about one request, through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class ConnectRequest
{
    /// <summary>
    /// Set on a download from a link the API handed out: it goes without the API key, and its query (a storage
    /// signature) stays out of logs and messages.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("Connect.Anonymous");

    public static bool IsAnonymous(HttpRequestMessage request) =>
        request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous;

    /// <summary>The URL as logs and messages show it: a download link loses its query.</summary>
    public static string DisplayUrl(HttpRequestMessage request) => DisplayUrl(request.RequestUri, IsAnonymous(request));

    public static string DisplayUrl(Uri? url, bool anonymous) =>
        url is null ? "?" : anonymous && !string.IsNullOrEmpty(url.Query) ? url.GetLeftPart(UriPartial.Path) + "?…" : url.ToString();
}
