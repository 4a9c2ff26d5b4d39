using System.Net;

namespace Connect.Sdk;

/// <summary>
/// The root of every exception the Connect libraries throw for a failed call or bad data, so a caller catches one type.
/// <see cref="StatusCode"/> is the HTTP status of the answer, or 0 when there was none: a transport failure (connection
/// refused or lost, a timeout) carries the original exception in <see cref="Exception.InnerException"/>. Subclasses
/// exist where a caller handles a case differently: <see cref="ConnectApiException"/> (the API answered with an error),
/// <see cref="ConnectSerializationException"/> (an answer could not be read), <see cref="ConnectConfigurationException"/>
/// (the settings are wrong). Cancellation the caller asked for is not wrapped: it stays an
/// <see cref="OperationCanceledException"/>. Messages never carry the API key.
/// </summary>
public class ConnectException : Exception
{
    /// <summary>Creates an exception.</summary>
    public ConnectException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public ConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a call that got the status <paramref name="statusCode"/> (0: no answer).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The HTTP status of the answer; 0 when there was none.</param>
    /// <param name="innerException">The cause (for a transport failure, the original exception).</param>
    public ConnectException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the answer; 0 when no answer came (transport failure) or the error is not about a call.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Whether the call got no answer: the connection failed or was lost, or an attempt timed out. <see cref="StatusCode"/>
    /// is then 0 and <see cref="Exception.InnerException"/> is the original failure. Whether the server acted on the call
    /// is unknown, so a caller re-reads before repeating a call that is not idempotent.
    /// </summary>
    public bool IsTransportFailure { get; private init; }

    /// <summary>The exception for a call that got no answer, with the original failure inside.</summary>
    internal static ConnectException TransportFailure(string message, Exception innerException) =>
        new(message, 0, innerException) { IsTransportFailure = true };
}
