using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// Browser sessions of the dashboard: a random token (the cookie's value) mapped to the API key that was entered at
/// sign-in. The key itself never leaves the server; sessions live as long as the emulator process.
/// </summary>
internal sealed class DashboardSessions
{
    /// <summary>Name of the session cookie.</summary>
    public const string CookieName = "connect_emulator_session";

    // A bound on memory if a script signs in in a loop; the oldest sessions are forgotten first.
    private const int MaxSessions = 1000;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private long _counter;

    /// <summary>Starts a session for an accepted Authorization value; returns the cookie token.</summary>
    public string Start(string authorization)
    {
        if (_sessions.Count >= MaxSessions)
        {
            foreach (var oldest in _sessions.OrderBy(s => s.Value.Order).Take(_sessions.Count - MaxSessions + 1).ToList())
            {
                _sessions.TryRemove(oldest.Key, out _);
            }
        }

        var token = Base64UrlToken();
        _sessions[token] = new Session(authorization, Interlocked.Increment(ref _counter));
        return token;
    }

    /// <summary>The Authorization value behind the request's session cookie, or null.</summary>
    public string? Authorization(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var token) && token is { Length: > 0 } && _sessions.TryGetValue(token, out var session)
            ? session.Authorization
            : null;

    /// <summary>Ends the request's session, if any.</summary>
    public void End(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(CookieName, out var token) && token is not null)
        {
            _sessions.TryRemove(token, out _);
        }
    }

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Session(string Authorization, long Order);
}
