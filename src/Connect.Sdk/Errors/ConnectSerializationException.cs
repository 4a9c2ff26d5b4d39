namespace Connect.Sdk;

/// <summary>A response (or a document given to the SDK) could not be read as the expected model.</summary>
public sealed class ConnectSerializationException : ConnectException
{
    /// <summary>Creates an exception naming the target type and the JSON path.</summary>
    /// <param name="targetType">The model the JSON was read into.</param>
    /// <param name="jsonPath">JSON path of the offending value (<c>$.asset.items[0].quantity</c>), if known.</param>
    /// <param name="detail">What was wrong.</param>
    /// <param name="innerException">The parser's exception.</param>
    public ConnectSerializationException(Type targetType, string? jsonPath, string detail, Exception? innerException = null)
        : base($"Cannot read {Describe(targetType)} at {jsonPath ?? "$"}: {detail}", innerException)
    {
        TargetType = targetType;
        JsonPath = jsonPath;
    }

    /// <summary>The model the JSON was read into.</summary>
    public Type TargetType { get; }

    /// <summary>JSON path of the offending value, if known.</summary>
    public string? JsonPath { get; }

    private static string Describe(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var item] ? $"a list of {item.Name}" : type.Name;
}
