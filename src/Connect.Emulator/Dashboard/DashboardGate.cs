using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Microsoft.Extensions.Primitives;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// Authentication for the dashboard, in front of the emulator's own API-key check. The dashboard needs the same API
/// key as the rest of the emulator: it is entered once on <c>/ui/login</c>, and the browser then holds only a random
/// session token in an HttpOnly, SameSite=Strict cookie. The gate turns a valid session into the key's
/// <c>Authorization</c> header for <c>/ui</c> pages, and for API calls only when they also carry
/// <c>X-Connect-Dashboard</c> (a header a cross-site page cannot send without a CORS preflight the emulator never
/// grants), so the cookie alone never authorizes an API call.
/// </summary>
internal sealed class DashboardGate(ApiKeys keys, DashboardSessions sessions, string? defaultKeyHint)
{
    public const string Prefix = "/ui";
    public const string ApiHeader = "X-Connect-Dashboard";

    private static readonly PathString UiPath = new(Prefix);
    private static readonly PathString[] ApiPaths = [new("/public/v1"), new("/emulator/v1")];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var hasKey = !StringValues.IsNullOrEmpty(request.Headers.Authorization);
        if (!request.Path.StartsWithSegments(UiPath, out var rest))
        {
            if (!hasKey && request.Headers.ContainsKey(ApiHeader) && ApiPaths.Any(p => request.Path.StartsWithSegments(p))
                && sessions.Authorization(request) is { } bridged)
            {
                request.Headers.Authorization = bridged;
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        SecurityHeaders(context.Response, rest);
        if (rest.StartsWithSegments("/static", out var asset) && HttpMethods.IsGet(request.Method))
        {
            await DashboardAssets.WriteAsync(context, asset.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        if (rest == "/login")
        {
            await LoginAsync(context).ConfigureAwait(false);
            return;
        }

        if (rest == "/logout" && HttpMethods.IsPost(request.Method))
        {
            sessions.End(request);
            context.Response.Cookies.Delete(DashboardSessions.CookieName, new CookieOptions { Path = "/" });
            context.Response.Redirect(Prefix + "/login", permanent: false);
            return;
        }

        if (!hasKey && sessions.Authorization(request) is { } authorization)
        {
            request.Headers.Authorization = authorization;
            hasKey = true;
        }

        if (!hasKey && HttpMethods.IsGet(request.Method))
        {
            // A browser without a session gets the sign-in form in place (401, like any unauthenticated call), and
            // comes back to this address afterwards.
            await WriteLoginAsync(context, StatusCodes.Status401Unauthorized, SafeReturn(request.Path + request.QueryString), null).ConfigureAwait(false);
            return;
        }

        // Anything else (including a wrong key) meets the emulator's usual 401.
        await next(context).ConfigureAwait(false);
    }

    private async Task LoginAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var entered = form["key"].ToString().Trim();
            var target = SafeReturn(form["return"].ToString());
            if (keys.Match(entered) is not null)
            {
                var authorization = entered.StartsWith("ApiKey ", StringComparison.Ordinal) ? entered : "ApiKey " + entered;
                context.Response.Cookies.Append(DashboardSessions.CookieName, sessions.Start(authorization), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Path = "/",
                    IsEssential = true,
                });
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = target;
                return;
            }

            await WriteLoginAsync(context, StatusCodes.Status401Unauthorized, target, "That key is not accepted by this emulator.").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            throw new ApiException(StatusCodes.Status405MethodNotAllowed, ErrorCodes.Validation, $"Method {request.Method} is not allowed here.");
        }

        await WriteLoginAsync(context, StatusCodes.Status200OK, SafeReturn(request.Query["return"].ToString()), null).ConfigureAwait(false);
    }

    private Task WriteLoginAsync(HttpContext context, int status, string target, string? error)
    {
        var hint = defaultKeyHint is null ? Markup.Empty
            : H($"<p class=\"hint\">This emulator runs with the default key: <code>{defaultKeyHint}</code></p>");
        var body = H($"""
            <section class="login">
              <h1>Sign in to the emulator</h1>
              <p>Enter an API key the emulator accepts (the value sent as <code>Authorization</code>). It is kept on the
                 server; the browser gets a session cookie.</p>
              {When(error is not null, H($"<p class=\"error\" role=\"alert\">{error}</p>"))}
              <form method="post" action="{Prefix}/login" class="stack">
                <input type="hidden" name="return" value="{target}">
                <label>API key <input name="key" type="password" autocomplete="off" required autofocus></label>
                <button type="submit">Sign in</button>
              </form>
              {hint}
            </section>
            """);
        return Layout.WriteAsync(context, status, "Sign in", body, signedIn: false);
    }

    // Only a path inside the dashboard may be returned to (no open redirect).
    private static string SafeReturn(string? target) =>
        target is { Length: > 0 } && target.StartsWith(Prefix + "/", StringComparison.Ordinal) && !target.StartsWith("//", StringComparison.Ordinal)
            && !target.Contains('\\', StringComparison.Ordinal)
            ? target
            : Prefix + "/requests";

    private static void SecurityHeaders(HttpResponse response, PathString rest)
    {
        response.Headers.XFrameOptions = "DENY";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        // The API reference (Scalar) runs inline scripts of its own; every other page loads only /ui/static/app.js.
        response.Headers.ContentSecurityPolicy = rest.StartsWithSegments("/reference")
            ? "frame-ancestors 'none'; connect-src 'self'"
            : "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    }
}
