using System.Text.Json.Nodes;
using Connect.Emulator.Http;

namespace Connect.Emulator.Faults;

/// <summary>The fault control routes, relative to <c>/emulator/v1</c>: <c>PUT</c>, <c>GET</c> and <c>DELETE /faults</c>.</summary>
internal static class FaultApi
{
    public static void Map(RouteGroupBuilder api, FaultInjector faults)
    {
        api.MapGet("/faults", () => Responses.Json(faults.ToJson()));
        api.MapPut("/faults", async Task<IResult> (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var text = await reader.ReadToEndAsync(c.RequestAborted).ConfigureAwait(false);
            var node = string.IsNullOrWhiteSpace(text) ? null : Bodies.Parse(text);

            try
            {
                faults.Configure(node);
            }
            catch (ArgumentException ex)
            {
                throw ApiException.Invalid(ex.Message);
            }

            return Responses.Json(faults.ToJson());
        });
        api.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Responses.NoContent();
        });
    }
}
