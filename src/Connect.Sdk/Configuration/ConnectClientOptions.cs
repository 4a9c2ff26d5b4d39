namespace Connect.Sdk;

/// <summary>Settings of a <see cref="ConnectClient"/>: where Connect is, the API key, and transport behaviour.</summary>
public sealed class ConnectClientOptions
{
    /// <summary>The default public API endpoint.</summary>
    public const string DefaultEndpoint = "https://api.connect.cloudblue.com/public/v1";

    /// <summary>Base URL of the API (e.g. <c>https://api.connect.cloudblue.com/public/v1</c>).</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>
    /// The API key, <c>ApiKey SU-...:secret</c>. The <c>ApiKey </c> prefix is added when missing.
    /// Never logged or shown in exception messages.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Product ids the automation works on (the Python connect-sdk's <c>products</c>).</summary>
    public IList<string> Products { get; set; } = new List<string>();

    /// <summary>Allow an <c>http://</c> endpoint on a host that is not loopback. Off by default: the key would travel in clear.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Number of retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter). Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt. Default 180 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Page size used when listing. Default 100, at most 1000.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Whether a listing requests the next page while the caller is still consuming the current one, so the
    /// server's time and the client's overlap. At most two pages are then held in memory. Default
    /// <see langword="true"/>; set <see langword="false"/> for strictly one request at a time.
    /// </summary>
    public bool PrefetchNextPage { get; set; } = true;

    /// <summary>
    /// The clock behind retry delays, timeouts and the call times in logs. Default <see langword="null"/>: the
    /// <see cref="System.TimeProvider"/> registered with dependency injection, else <see cref="TimeProvider.System"/>.
    /// Tests set a fake one to move time.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Copies these options (the client keeps its own copy, so later edits do not leak in).</summary>
    /// <returns>A copy.</returns>
    public ConnectClientOptions Clone() => new()
    {
        Endpoint = Endpoint,
        ApiKey = ApiKey,
        Products = new List<string>(Products ?? []),
        AllowInsecureHttp = AllowInsecureHttp,
        MaxRetries = MaxRetries,
        RetryBaseDelay = RetryBaseDelay,
        Timeout = Timeout,
        PageSize = PageSize,
        PrefetchNextPage = PrefetchNextPage,
        TimeProvider = TimeProvider,
    };

    /// <summary>
    /// Checks the options: an absolute http(s) endpoint (https unless loopback or <see cref="AllowInsecureHttp"/>),
    /// a non-empty key, sane retry and paging values.
    /// </summary>
    /// <exception cref="ConnectConfigurationException">A value is invalid; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            throw new ConnectConfigurationException("Endpoint is required.");
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectConfigurationException($"Endpoint {Shown(Endpoint)} is not an absolute http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !AllowInsecureHttp)
        {
            throw new ConnectConfigurationException(
                $"Endpoint '{Endpoint}' uses http:// on a non-loopback host; the API key would travel in clear. Use https:// or set AllowInsecureHttp.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ConnectConfigurationException("ApiKey is required.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ConnectConfigurationException($"MaxRetries must be between 0 and 10 (was {MaxRetries}).");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ConnectConfigurationException("RetryBaseDelay must not be negative.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ConnectConfigurationException("Timeout must be positive.");
        }

        if (PageSize is < 1 or > 1000)
        {
            throw new ConnectConfigurationException($"PageSize must be between 1 and 1000 (was {PageSize}).");
        }
    }

    /// <summary>
    /// An endpoint as error messages show it: quoted when it looks like a URL; otherwise not at all, as a value that
    /// is not a URL may be the API key put in the endpoint's place (CONNECT_API_URL and CONNECT_API_KEY swapped).
    /// </summary>
    internal static string Shown(string endpoint) =>
        endpoint.Contains("://", StringComparison.Ordinal) && !endpoint.Any(char.IsWhiteSpace)
            ? $"'{endpoint}'"
            : $"(a value of {endpoint.Length} characters, not shown: it may be a secret)";

    /// <summary>The value of the <c>Authorization</c> header: the key with the <c>ApiKey </c> prefix.</summary>
    internal string AuthorizationHeader =>
        ApiKey.StartsWith("ApiKey ", StringComparison.Ordinal) ? ApiKey : "ApiKey " + ApiKey.Trim();

    /// <summary>The endpoint with exactly one trailing slash, so relative paths append to it.</summary>
    internal Uri BaseUri => new(Endpoint.TrimEnd('/') + "/", UriKind.Absolute);
}
