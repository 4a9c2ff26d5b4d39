using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Processor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the dynamic validation endpoint into an ASP.NET Core application.</summary>
public static class DynamicValidationEndpoints
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: the body is a draft request; the answer (200) is the request with <c>value_error</c>
    /// set on invalid ordering parameters; a body that is not a request gets 400 with <c>{"error": ...}</c>. The
    /// processor hosts this itself when <c>dynamicValidation:enabled</c> is true; call this to serve it from an
    /// application of your own instead.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="pattern">Route, default <c>/validate</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapConnectDynamicValidation(this IEndpointRouteBuilder endpoints, string pattern = "/validate")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(HttpContext http, DynamicValidator validator, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Connect.Processor.DynamicValidation");
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            Log.ValidationBadRequest(logger, "not JSON");
            return Error($"The body is not valid JSON: {ex.Message}");
        }

        if (body is not JsonObject draft)
        {
            Log.ValidationBadRequest(logger, "not an object");
            return Error("The body must be a JSON object (a request).");
        }

        try
        {
            var (document, errors) = await validator.ValidateAsync(draft, http.RequestAborted).ConfigureAwait(false);
            Log.ValidationDone(logger, draft["id"]?.ToString() ?? "draft", errors.Count);
            return Results.Text(document.ToJsonString(), "application/json", statusCode: StatusCodes.Status200OK);
        }
        catch (ArgumentException ex)
        {
            Log.ValidationBadRequest(logger, ex.Message);
            return Error(ex.Message);
        }
    }

    private static IResult Error(string message) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(), "application/json", statusCode: StatusCodes.Status400BadRequest);
}
