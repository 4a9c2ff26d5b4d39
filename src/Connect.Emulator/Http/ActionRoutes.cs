using Connect.Emulator.Domain;
namespace Connect.Emulator.Http;

/// <summary>
/// Answers the other methods on a <c>POST {collection}/{id}/{action}</c> route: a known action with the wrong method
/// is <c>405 VAL_001</c>, any other name is an unknown route, <c>404 NOT_FOUND</c> (contract/api-contract.md section 3).
/// </summary>
internal static class ActionRoutes
{
    private static readonly string[] OtherMethods = [HttpMethods.Get, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static void MapFallback(RouteGroupBuilder api, string pattern, IReadOnlySet<string> knownActions) =>
        api.MapMethods(pattern, OtherMethods, (HttpContext c, string action) =>
        {
            if (knownActions.Contains(action))
            {
                throw new ApiException(
                    StatusCodes.Status405MethodNotAllowed, ErrorCodes.Validation, $"Method {c.Request.Method} is not allowed here.");
            }

            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Resource {c.Request.Path} not found.");
        });
}
