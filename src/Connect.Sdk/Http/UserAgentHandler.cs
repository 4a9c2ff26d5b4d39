using System.Reflection;

namespace Connect.Sdk;

/// <summary>Pipeline step: names the SDK, its version and the platform in the <c>User-Agent</c> header of every call.</summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    public static string UserAgent { get; } = Build();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string Build()
    {
        var version = typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var os = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsLinux() ? "Linux" : "Unknown";
        return $"connect-dotnet/{version} .NET/{Environment.Version} {os}/{Environment.OSVersion.Version}";
    }
}
