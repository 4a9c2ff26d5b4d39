namespace Connect.Emulator.BrowserTests;

/// <summary>
/// A test that needs a Chromium. Without one it is skipped, naming the package to install, so that the README's test
/// command passes on a fresh machine; in CI (<c>CI=true</c>) it runs anyway and fails, since CI must have the browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.InCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
