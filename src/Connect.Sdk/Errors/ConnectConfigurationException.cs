namespace Connect.Sdk;

/// <summary>The SDK configuration is missing, unreadable or invalid. The message names the field or file.</summary>
public sealed class ConnectConfigurationException : ConnectException
{
    /// <summary>Creates an exception.</summary>
    public ConnectConfigurationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">Message naming the field or path.</param>
    public ConnectConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">Message naming the field or path.</param>
    /// <param name="innerException">Cause.</param>
    public ConnectConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
