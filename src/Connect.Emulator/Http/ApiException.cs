using Connect.Emulator.Domain;

namespace Connect.Emulator.Http;

/// <summary>An HTTP-level error answer (routing, body and query parsing, uploads): <c>{"error_code": Code, "errors": [Message]}</c> with <see cref="Status"/>.</summary>
internal sealed class ApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ApiException NotFound(string kind, string id) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"{kind} {id} not found.");

    public static ApiException Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.Validation, message);
}
