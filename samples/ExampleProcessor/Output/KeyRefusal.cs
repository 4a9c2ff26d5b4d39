using System.Net;
using Connect.Sdk;

namespace ExampleProcessor.Output;

/// <summary>Recognises Connect refusing the API key (401/403) anywhere in an exception, and words it in one line.</summary>
public static class KeyRefusal
{
    /// <summary>The <see cref="ConnectApiException"/> with status 401 or 403 inside <paramref name="exception"/>, or null.</summary>
    public static ConnectApiException? Find(Exception? exception) => exception switch
    {
        ConnectApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } refused => refused,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        null => null,
        _ => Find(exception.InnerException),
    };

    /// <summary><c>the API key was refused: AUTH_001 &lt;Connect's reason&gt;</c> (the key itself is never part of it).</summary>
    public static string Describe(ConnectApiException refused)
    {
        var reason = refused.Errors.Count > 0 ? string.Join("; ", refused.Errors) : $"{(int)refused.StatusCode} {refused.StatusCode}";
        return $"the API key was refused: {refused.ErrorCode ?? ((int)refused.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)} {reason}";
    }
}
