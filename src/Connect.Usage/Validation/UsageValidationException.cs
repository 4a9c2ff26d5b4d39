using System.Text;
using Connect.Sdk;

namespace Connect.Usage;

/// <summary>
/// Thrown when usage records fail validation. <see cref="Errors"/> lists every problem found, up to the cap of
/// <see cref="UsageSpreadsheetOptions.MaxErrors"/>; <see cref="Truncated"/> tells whether validation stopped at that cap.
/// </summary>
public sealed class UsageValidationException : ConnectException
{
    private const int ErrorsInMessage = 10;

    /// <summary>Creates the exception for a list of errors.</summary>
    /// <param name="errors">The errors found (at least one).</param>
    /// <param name="truncated">Whether more errors may exist beyond those listed.</param>
    public UsageValidationException(IReadOnlyList<UsageValidationError> errors, bool truncated = false)
        : base(BuildMessage(errors, truncated))
    {
        Errors = errors;
        Truncated = truncated;
    }

    /// <summary>Creates the exception with a message and no error list.</summary>
    public UsageValidationException()
        : this([], false)
    {
    }

    /// <summary>Creates the exception with a message and no error list.</summary>
    /// <param name="message">The message.</param>
    public UsageValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no error list.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UsageValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The errors found, in input order.</summary>
    public IReadOnlyList<UsageValidationError> Errors { get; }

    /// <summary>True when validation stopped at the error cap, so more errors may exist.</summary>
    public bool Truncated { get; }

    private static string BuildMessage(IReadOnlyList<UsageValidationError> errors, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new StringBuilder();
        text.Append(errors.Count == 1 ? "1 usage record error" : $"{errors.Count}{(truncated ? "+" : "")} usage record errors");
        if (errors.Count == 0)
        {
            return text.Append('.').ToString();
        }

        text.Append(": ");
        for (var i = 0; i < Math.Min(errors.Count, ErrorsInMessage); i++)
        {
            text.Append(i == 0 ? "" : "; ").Append(errors[i]);
        }

        if (errors.Count > ErrorsInMessage)
        {
            text.Append($"; and {errors.Count - ErrorsInMessage} more (see Errors)");
        }

        if (truncated)
        {
            text.Append("; validation stopped at the error cap");
        }

        return text.Append('.').ToString();
    }
}
