using System.Text;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Dashboard;

/// <summary>The page frame: header, navigation, the live-update indicator and the message area.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Lists =
    [
        ("requests", "Requests"),
        ("tier-config-requests", "Tier config requests"),
        ("assets", "Assets"),
        ("usage-files", "Usage files"),
        ("conversations", "Conversations"),
    ];

    private static readonly (string Path, string Label)[] Actions =
    [
        ("new/purchase", "New purchase"),
        ("new/tier-config-request", "New tier config request"),
        ("new/usage-file", "Upload usage file"),
    ];

    public static Markup Page(string title, Markup body, bool signedIn, string? current, long version)
    {
        var nav = signedIn
            ? H($"""
                <nav class="menu">
                  {Join(Lists.Select(l => Link(l.Path, l.Label, current)))}
                  <span class="sep"></span>
                  {Join(Actions.Select(a => Link(a.Path, a.Label, current)))}
                  <span class="sep"></span>
                  <a href="{DashboardGate.Prefix}/reference/v1">API reference</a>
                  <form method="post" action="{DashboardGate.Prefix}/logout" class="inline"><button type="submit" class="link">Sign out</button></form>
                </nav>
                """)
            : Markup.Empty;
        return H($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title} - Connect emulator</title>
              <link rel="stylesheet" href="{DashboardGate.Prefix}/static/app.css">
              <script src="{DashboardGate.Prefix}/static/app.js" defer></script>
            </head>
            <body{When(signedIn, H($" data-live-events=\"{DashboardGate.Prefix}/events\" data-version=\"{version}\""))}>
              <header class="top">
                <a class="brand" href="{DashboardGate.Prefix}/requests">Connect emulator</a>
                {When(signedIn, new Markup("<span id=\"live\" class=\"live\" title=\"Live updates\">connecting</span>"))}
              </header>
              {nav}
              <div id="flash" class="flash" role="status" hidden></div>
              <main>
            {body}
              </main>
            </body>
            </html>
            """);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, Markup body, bool signedIn = true, string? current = null, long version = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(Page(title, body, signedIn, current, version).Value);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static Markup Link(string path, string label, string? current) =>
        path == current
            ? H($"<a href=\"{DashboardGate.Prefix}/{path}\" aria-current=\"page\">{label}</a>")
            : H($"<a href=\"{DashboardGate.Prefix}/{path}\">{label}</a>");
}
