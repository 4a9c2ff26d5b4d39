using Connect.Sdk;

namespace Connect.Usage;

/// <summary>Usage input (CSV or a workbook) that cannot be read: names the line or row and the column.</summary>
public sealed class UsageFormatException : ConnectException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong; <paramref name="line"/> and <paramref name="column"/> are prepended.</param>
    /// <param name="line">The 1-based CSV line or sheet row; 0 when not about one line.</param>
    /// <param name="column">The column (header name), when the problem is in one cell.</param>
    /// <param name="innerException">The cause, if any.</param>
    public UsageFormatException(string message, long line, string? column = null, Exception? innerException = null)
        : base(Compose(message, line, column), innerException)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a message.</summary>
    public UsageFormatException()
        : this("The usage input is not valid.", 0)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public UsageFormatException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UsageFormatException(string message, Exception innerException)
        : this(message, 0, null, innerException)
    {
    }

    /// <summary>The 1-based CSV line or sheet row of the problem; 0 when not about one line.</summary>
    public long Line { get; }

    /// <summary>The column (header name) of the problem, when it is in one cell.</summary>
    public string? Column { get; }

    private static string Compose(string message, long line, string? column) =>
        (line, column) switch
        {
            (> 0, not null) => $"Line {line}, column '{column}': {message}",
            (> 0, null) => $"Line {line}: {message}",
            (_, not null) => $"Column '{column}': {message}",
            _ => message,
        };
}
