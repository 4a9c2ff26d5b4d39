namespace Connect.Testing;

/// <summary>
/// An assertion of <see cref="ConnectAssert"/> failed. Every test framework reports an unexpected exception as a
/// failure with its message, so the kit needs no adapter per framework.
/// </summary>
public sealed class ConnectAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectAssertionException()
    {
    }

    /// <summary>Creates the exception with the message that names what differs.</summary>
    /// <param name="message">The message.</param>
    public ConnectAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
