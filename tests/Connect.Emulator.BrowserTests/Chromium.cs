namespace Connect.Emulator.BrowserTests;

/// <summary>Where the system Chromium is (Debian's <c>chromium</c> package), and whether this run is CI.</summary>
internal static class Chromium
{
    public const string MissingMessage =
        "Chromium is not installed: the browser tests use Debian's chromium package at /usr/bin/chromium (apt-get install chromium), "
        + "or set CONNECT_CHROMIUM to a Chromium executable.";

    /// <summary>The executable: <c>CONNECT_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>; null when missing.</summary>
    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CONNECT_CHROMIUM");
            var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
            return File.Exists(path) ? path : null;
        }
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder for screenshots and measurements: <c>CONNECT_BROWSER_ARTIFACTS</c>, else <c>artifacts</c> beside the tests.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("CONNECT_BROWSER_ARTIFACTS");
            var directory = string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(AppContext.BaseDirectory, "artifacts") : configured;
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
