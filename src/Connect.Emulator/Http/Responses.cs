using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Http;

/// <summary>Writes responses with exactly the content types the contract names (no charset suffix).</summary>
internal static class Responses
{
    public const string JsonContentType = "application/json";

    public static IResult Json(JsonNode? body, int status = StatusCodes.Status200OK, string? contentRange = null) =>
        new RawResult(status, JsonContentType, Documents.Json.Write(body), contentRange);

    public static IResult Markdown(string text) => new RawResult(StatusCodes.Status200OK, "text/markdown", text, null);

    public static IResult NoContent() => new RawResult(StatusCodes.Status204NoContent, null, null, null);

    public static JsonObject ErrorBody(string code, params string[] errors) =>
        new() { ["error_code"] = code, ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e)]) };

    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(Documents.Json.Write(ErrorBody(code, message)), Encoding.UTF8, context.RequestAborted)
            .ConfigureAwait(false);
    }

    private sealed class RawResult(int status, string? contentType, string? body, string? contentRange) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (contentRange is not null)
            {
                httpContext.Response.Headers["Content-Range"] = contentRange;
            }

            if (contentType is null || body is null)
            {
                return;
            }

            httpContext.Response.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(body);
            httpContext.Response.ContentLength = bytes.Length;
            await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
