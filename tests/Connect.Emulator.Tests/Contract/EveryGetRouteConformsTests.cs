using System.Net;
using System.Text.Json.Nodes;
using Connect.Emulator.Tests.UsageApi;
using Xunit.Abstractions;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// Every GET route the emulator serves under <c>/public/v1</c>, answered for every object the demo data holds (and
/// usage files driven through their states), validated against the OpenAPI v37 schemas with a JSON Schema validator.
/// The only tolerated disagreements are those listed in <c>contract/deviations.json</c>.
/// </summary>
public sealed class EveryGetRouteConformsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Prefix = "/public/v1";

    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();

        // Usage files in each status a file reaches: draft, ready, invalid, pending, accepted, closed, rejected.
        await UsageFiles.CreateAsync(_emulator, "draft file");
        await UsageFiles.ReadyAsync(_emulator);
        var invalid = await UsageFiles.CreateAsync(_emulator, "invalid file");
        await UsageFiles.UploadAsync(_emulator, invalid, UsageFiles.Records(UsageFiles.Row("r1", 1, assetValue: "AS-NO-SUCH")));
        var pending = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{pending}/submit");
        var closed = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{closed}/submit");
        await _emulator.Api.PostAsync($"usage/files/{closed}/accept", """{"acceptance_note":"ok"}""");
        var accepted = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{accepted}/submit");
        await _emulator.Api.PostAsync($"usage/files/{accepted}/accept", """{"acceptance_note":"ok"}""");
        await _emulator.Api.PostAsync($"usage/files/{closed}/close");
        var rejected = await UsageFiles.ReadyAsync(_emulator);
        await _emulator.Api.PostAsync($"usage/files/{rejected}/submit");
        await _emulator.Api.PostAsync($"usage/files/{rejected}/reject", """{"rejection_note":"wrong period"}""");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    /// <summary>
    /// Each served route: its OpenAPI path, and where the ids of its objects come from (a list route whose elements'
    /// <c>id</c> fill the last parameter; earlier parameters take the fixed demo ids). Null: the route has no parameter.
    /// Routes that answer something other than JSON objects the document describes are listed with a reason instead.
    /// </summary>
    private static readonly Dictionary<string, (string OpenApiPath, string? Ids)> Routes = new(StringComparer.Ordinal)
    {
        ["/requests"] = ("/requests", null),
        ["/requests/{id}"] = ("/requests/{id}", "requests"),
        ["/requests/{id}/render"] = ("/requests/{id}/render", "requests"),
        ["/assets"] = ("/assets", null),
        ["/assets/{id}"] = ("/assets/{id}", "assets"),
        ["/assets/{id}/requests"] = ("/assets/{asset_id}/requests", "assets"),
        ["/assets/{id}/render"] = ("/assets/{id}/render", "assets"),
        ["/subscriptions/assets"] = ("/subscriptions/assets", null),
        ["/subscriptions/assets/{id}"] = ("/subscriptions/assets/{id}", "subscriptions/assets"),
        ["/subscriptions/requests"] = ("/subscriptions/requests", null),
        ["/subscriptions/requests/{id}"] = ("/subscriptions/requests/{id}", "subscriptions/requests"),
        ["/tier/config-requests"] = ("/tier/config-requests", null),
        ["/tier/config-requests/{id}"] = ("/tier/config-requests/{id}", "tier/config-requests"),
        ["/tier/config-requests/{id}/render"] = ("/tier/config-requests/{id}/render", "tier/config-requests"),
        ["/tier/configs"] = ("/tier/configs", null),
        ["/tier/configs/{id}"] = ("/tier/configs/{id}", "tier/configs"),
        ["/tier/configs/{id}/render"] = ("/tier/configs/{id}/render", "tier/configs"),
        ["/tier/accounts"] = ("/tier/accounts", null),
        ["/tier/accounts/{id}"] = ("/tier/accounts/{id}", "tier/accounts"),
        ["/products"] = ("/products", null),
        ["/products/{id}"] = ("/products/{product_id}", "products"),
        ["/products/{productId}/templates"] = ("/products/{product_product_id}/templates", "products"),
        ["/products/{productId}/templates/{id}"] = ("/products/{product_product_id}/templates/{id}", "products/{productId}/templates"),
        ["/products/{productId}/templates/{id}/render"] = ("/products/{product_product_id}/templates/{id}/render", "products/{productId}/templates"),
        ["/products/{productId}/items"] = ("/products/{product_product_id}/items", "products"),
        ["/products/{productId}/items/{id}"] = ("/products/{product_product_id}/items/{verbose_id}", "products/{productId}/items"),
        ["/products/{productId}/parameters"] = ("/products/{product_product_id}/parameters", "products"),
        ["/products/{productId}/parameters/{id}"] = ("/products/{product_product_id}/parameters/{parameter__verbose_id}", "products/{productId}/parameters"),
        ["/products/{productId}/configurations"] = ("/products/{product_product_id}/configurations", "products"),
        ["/products/{productId}/versions"] = ("/products/{product_product_id}/versions", "products"),
        ["/products/{productId}/versions/{version}"] = ("/products/{product_product_id}/versions/{version}", "versions"),
        ["/products/{productId}/connections"] = ("/products/{product_product_id}/connections", "products"),
        ["/products/{productId}/connections/{id}"] = ("/products/{product_product_id}/connections/{id}", "products/{productId}/connections"),
        ["/marketplaces"] = ("/marketplaces", null),
        ["/marketplaces/{id}"] = ("/marketplaces/{id}", "marketplaces"),
        ["/accounts"] = ("/accounts", null),
        ["/accounts/{id}"] = ("/accounts/{pk}", "accounts"),
        ["/contracts"] = ("/contracts", null),
        ["/contracts/{id}"] = ("/contracts/{id}", "contracts"),
        ["/listings"] = ("/listings", null),
        ["/listings/{id}"] = ("/listings/{id}", "listings"),
        ["/hubs"] = ("/hubs", null),
        ["/hubs/{id}"] = ("/hubs/{id}", "hubs"),
        ["/hubs/{hubId}/connections"] = ("/hubs/{hub_id}/connections", "hubs"),
        ["/hubs/{hubId}/marketplaces"] = ("/hubs/{hub_id}/marketplaces", "hubs"),
        ["/conversations"] = ("/conversations", null),
        ["/conversations/{id}"] = ("/conversations/{id}", "conversations"),
        ["/conversations/{id}/messages"] = ("/conversations/{conversation_id}/messages", "conversations"),
        ["/usage/files"] = ("/usage/files", null),
        ["/usage/files/{id}"] = ("/usage/files/{id}", "usage/files"),
        ["/usage/files/{id}/categories"] = ("/usage/files/{file_pk}/categories", "usage/files"),
        ["/usage/records"] = ("/usage/records", null),
        ["/usage/records/{id}"] = ("/usage/records/{id}", "usage/records"),
        ["/usage/reconciliations"] = ("/usage/reconciliations", null),
        ["/usage/reconciliations/{id}"] = ("/usage/reconciliations/{id}", "usage/reconciliations"),
    };

    /// <summary>Served GET routes the document does not describe as JSON, with the reason they are not validated here.</summary>
    private static readonly Dictionary<string, string> NotJson = new(StringComparer.Ordinal)
    {
        ["/usage/products/{productId}/template"] = "an .xlsx download (the document describes no body); UsageTemplateTests open the workbook",
        ["/requests/{id}/{action}"] = "answers 405 for the POST-only actions and 404 for unknown ones (ActionRoutes); no document",
        ["/tier/config-requests/{id}/{action}"] = "answers 405 for the POST-only actions and 404 for unknown ones (ActionRoutes); no document",
        ["/usage/files/{id}/{action}"] = "answers 405 for the POST-only actions and 404 for unknown ones (ActionRoutes); no document",
        ["/templates/{id}/render"] = "the legacy render of the old SDKs: not in the v37 document (contract/api-contract.md section 5.4)",
    };

    [Fact]
    public void Routes_EveryServedGetRoute_IsValidatedOrExplained()
    {
        var served = _emulator.Host.GetRoutes(Prefix).Select(r => r[Prefix.Length..]).ToList();

        var notValidated = served.Where(r => !Routes.ContainsKey(r) && !NotJson.ContainsKey(r)).ToList();
        var stale = Routes.Keys.Concat(NotJson.Keys).Where(r => !served.Contains(r)).ToList();

        Assert.True(notValidated.Count == 0, "GET routes without schema validation: " + string.Join(", ", notValidated));
        Assert.True(stale.Count == 0, "validated routes the emulator no longer serves: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Get_EveryRouteAndObject_ConformsToOpenApiSchema()
    {
        var violations = new List<string>();
        var answers = 0;
        foreach (var (route, (openApiPath, ids)) in Routes)
        {
            foreach (var path in await ConcretePathsAsync(route, ids))
            {
                var reply = await _emulator.Api.FetchAsync(path);
                Assert.True(reply.Status == HttpStatusCode.OK, $"GET {path}: {(int)reply.Status} {reply.Text}");
                var body = reply.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true ? reply.Json : JsonValue.Create(reply.Text);
                violations.AddRange(OpenApiContract.Shared.Validate("get", openApiPath, 200, body).Select(v => $"GET {path} ({openApiPath}): {v}"));
                answers++;
            }
        }

        output.WriteLine($"{Routes.Count} GET routes, {answers} answers validated, {violations.Count} violations, {OpenApiContract.Shared.Deviations.Count} deviations listed");
        Assert.True(violations.Count == 0, $"{violations.Count} violations in {answers} answers:\n" + string.Join("\n", violations.Take(200)));
        Assert.True(answers > Routes.Count, $"only {answers} answers validated");
    }

    [Fact]
    public void Validate_BrokenAnswer_IsReported()
    {
        // Guards the test above against a validator that accepts anything.
        var broken = SharedFiles.LoadFixture("request_purchase.json").AsObject();
        broken["status"] = 12345;
        broken["asset"]!["product"] = "PRD-1";

        var violations = OpenApiContract.Shared.Validate("get", "/requests/{id}", 200, broken);

        Assert.Contains(violations, v => v.StartsWith("$.status:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.asset.product:", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> ConcretePathsAsync(string route, string? ids)
    {
        var path = route.TrimStart('/');
        if (ids is null)
        {
            return [path];
        }

        var result = new List<string>();
        var parameters = System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList();
        var scopes = parameters.Count > 1 ? new[] { Demo.TierProduct, Demo.UsageProduct } : [string.Empty];
        foreach (var scope in scopes)
        {
            var scoped = parameters.Count > 1 ? path.Replace("{" + parameters[0] + "}", scope, StringComparison.Ordinal) : path;
            if (ids == "versions")
            {
                result.Add(scoped.Replace("{version}", "1", StringComparison.Ordinal));
                continue;
            }

            var list = await _emulator.Api.FetchAsync(ids.Replace("{productId}", scope, StringComparison.Ordinal) + "?limit=1000");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            result.AddRange(list.Array.Select(element => scoped.Replace("{" + parameters[^1] + "}", element!.Str("id"), StringComparison.Ordinal)));
        }

        return result;
    }
}
