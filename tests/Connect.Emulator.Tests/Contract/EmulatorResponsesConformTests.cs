using System.Net;

namespace Connect.Emulator.Tests.Contract;

/// <summary>
/// The emulator's real responses for the main routes, validated against the published OpenAPI v37 schemas
/// (known deviations of the recorded real documents are tolerated: see <see cref="OpenApiContract.KnownDeviations"/>).
/// </summary>
public sealed class EmulatorResponsesConformTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public static TheoryData<string, string> GetRoutes() => new()
    {
        { "/requests", "requests?limit=5" },
        { "/requests/{id}", $"requests/{Demo.PendingPurchase}" },
        { "/requests/{id}", $"requests/{Demo.TiersSetupContoso1}" },
        { "/assets", "assets?limit=5" },
        { "/assets/{id}", $"assets/{Demo.PendingPurchaseAsset}" },
        { "/assets/{asset_id}/requests", $"assets/{Demo.PendingPurchaseAsset}/requests" },
        { "/tier/config-requests", "tier/config-requests?limit=5" },
        { "/tier/configs", "tier/configs?limit=5" },
        { "/products", "products" },
        { "/products/{product_id}", $"products/{Demo.TierProduct}" },
        { "/products/{product_product_id}/templates", $"products/{Demo.TierProduct}/templates" },
        { "/products/{product_product_id}/templates/{id}", $"products/{Demo.TierProduct}/templates/{Demo.ActivationTemplate}" },
        { "/marketplaces", "marketplaces" },
        { "/accounts", "accounts" },
        { "/contracts", "contracts" },
        { "/listings", "listings" },
        { "/conversations", $"conversations?instance_id={Demo.PendingPurchase}" },
    };

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Get_MainRoute_ConformsToOpenApiSchema(string pathTemplate, string path)
    {
        var reply = await _emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var violations = OpenApiContract.Shared.Validate("get", pathTemplate, 200, reply.Json);
        Assert.True(violations.Count == 0, $"GET {path} violates {pathTemplate}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task Approve_PendingPurchase_ResponseConformsToOpenApiSchema()
    {
        var reply = await _emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var violations = OpenApiContract.Shared.Validate("post", "/requests/{id}/approve", 200, reply.Json);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Validate_BrokenDocument_ReportsViolations()
    {
        // Guards the test above against a validator that accepts anything.
        var reply = await _emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}");
        var broken = reply.Json.AsObject();
        broken["status"] = 12345;

        var violations = OpenApiContract.Shared.Validate("get", "/requests/{id}", 200, broken);

        Assert.NotEmpty(violations);
    }
}
