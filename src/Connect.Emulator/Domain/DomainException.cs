namespace Connect.Emulator.Domain;

/// <summary>What kind of rule a domain operation broke; the HTTP pipeline chooses the status from it.</summary>
internal enum DomainErrorKind
{
    /// <summary>The object named does not exist (Connect answers 404).</summary>
    NotFound,

    /// <summary>The input is malformed or incomplete (Connect answers 400 with its validation code).</summary>
    Invalid,

    /// <summary>The input is well-formed but the object's state or a business rule refuses it (400 with a specific code).</summary>
    Refused,
}

/// <summary>
/// The one error kind the domain raises: a Connect error code and message. The domain knows nothing of HTTP; the
/// pipeline (<c>Http/Pipeline.cs</c>) maps <see cref="Kind"/> to a status and writes the Connect error body.
/// </summary>
internal sealed class DomainException(DomainErrorKind kind, string code, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    public string Code { get; } = code;

    public static DomainException NotFound(string kind, string id) =>
        new(DomainErrorKind.NotFound, ErrorCodes.NotFound, $"{kind} {id} not found.");

    public static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, ErrorCodes.Validation, message);

    public static DomainException Refused(string code, string message) => new(DomainErrorKind.Refused, code, message);
}
