using System.Net;
using System.Text.Json.Nodes;
using Connect.Emulator.Seed;
using Connect.Emulator.Store;

namespace Connect.Emulator.Tests.Api;

/// <summary>Unknown filters, hidden-by-default fields, product configurations and unknown sub-routes (contract/api-contract.md sections 3, 4.4, 4.6).</summary>
public sealed class ContractConformanceTests
{
    [Theory]
    [InlineData("products?eq(nosuchfield,1)")]
    [InlineData("products?nosuchfield=1")]
    [InlineData("products?in(no.such.path,(a,b))")]
    [InlineData("products?and(eq(nosuchfield,1),eq(other.missing,x))")]
    public async Task List_UnknownFilterName_IsIgnored(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2, reply.Array.Count);
    }

    [Fact]
    public async Task List_KnownAndUnknownFilter_AppliesOnlyTheKnownOne()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"requests?eq(asset.product.id,{Demo.UsageProduct})&eq(nosuchfield,1)");
        var known = await emulator.Api.FetchAsync($"requests?eq(asset.product.id,{Demo.UsageProduct})");

        Assert.NotEmpty(reply.Array);
        Assert.Equal(known.Array.Count, reply.Array.Count);
        Assert.All(reply.Array, r => Assert.Equal(Demo.UsageProduct, r.Str("asset.product.id")));
    }

    [Theory]
    [InlineData("requests?asset__product__id=PRD-400-500-600")]
    [InlineData("assets?product.id=PRD-400-500-600")]
    [InlineData("tier/config-requests?configuration.product.id=PRD-400-500-600")]
    [InlineData("tier/configs?product.id=PRD-400-500-600")]
    [InlineData("listings?product.id=PRD-400-500-600")]
    [InlineData("products/PRD-100-200-300/parameters?constraints.required=false")]
    public async Task List_KnownFilter_NarrowsTheList(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEqual((await emulator.Api.FetchAsync(path[..path.IndexOf('?', StringComparison.Ordinal)])).Array.Count, reply.Array.Count);
    }

    [Theory]
    [InlineData("requests?asset_id=AS-0001-0001-0001", "asset.id", "AS-0001-0001-0001")]
    [InlineData("requests?eq(product_id,PRD-400-500-600)", "asset.product.id", "PRD-400-500-600")]
    [InlineData("requests?in(asset_id,(AS-0001-0001-0001,AS-0002-0001-0001))&asset.product.id=PRD-400-500-600", "asset.id", "AS-0002-0001-0001")]
    public async Task RequestsList_AliasedFilterName_FiltersOnTheMappedField(string path, string field, string value)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync(path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Array);
        Assert.All(reply.Array, r => Assert.Equal(value, r.Str(field)));
    }

    [Fact]
    public async Task RequestsList_SelectProductCapabilities_AddsThemOnlyWhenSelected()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var plain = (await emulator.Api.FetchAsync($"requests?eq(id,{Demo.PendingPurchase})")).Array.Single()!;
        var selected = (await emulator.Api.FetchAsync($"requests?eq(id,{Demo.PendingPurchase})&select(asset.product.capabilities)")).Array.Single()!;

        Assert.Null(plain["asset"]!["product"]!["capabilities"]);
        Assert.Equal(1, selected["asset"]!["product"]!["capabilities"]!["tiers"]!["configs"]!["level"]!.GetValue<int>());
        Assert.Null((await emulator.Api.FetchAsync($"requests/{Demo.PendingPurchase}")).Json["asset"]!["product"]!["capabilities"]);
    }

    [Fact]
    public async Task TierRequestsList_SelectProductCapabilities_AddsThem()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var plain = (await emulator.Api.FetchAsync("tier/config-requests?limit=1")).Array.Single()!;
        var selected = (await emulator.Api.FetchAsync("tier/config-requests?limit=1&select(configuration.product.capabilities)")).Array.Single()!;

        Assert.Null(plain["configuration"]!["product"]!["capabilities"]);
        Assert.NotNull(selected["configuration"]!["product"]!["capabilities"]!["tiers"]);
    }

    [Fact]
    public async Task AssetsList_SelectPendingRequest_AddsTheOpenRequestWithoutTemplate()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var plain = (await emulator.Api.FetchAsync($"assets?eq(id,{Demo.PendingPurchaseAsset})")).Array.Single()!.AsObject();
        var selected = (await emulator.Api.FetchAsync($"assets?eq(id,{Demo.PendingPurchaseAsset})&select(pending_request)")).Array.Single()!.AsObject();

        Assert.False(plain.ContainsKey("pending_request"));
        Assert.Equal(Demo.PendingPurchase, selected.Str("pending_request.id"));
        Assert.Equal("pending", selected.Str("pending_request.status"));
        Assert.False(selected["pending_request"]!.AsObject().ContainsKey("template"));
        Assert.False(selected["pending_request"]!.AsObject().ContainsKey("asset"));
    }

    [Fact]
    public async Task AssetsList_SelectPendingRequestTemplate_IncludesTheTemplate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/inquire", $$"""{"template_id":"{{Demo.InquireTemplate}}"}""");

        var selected = (await emulator.Api.FetchAsync($"assets?eq(id,{Demo.PendingPurchaseAsset})&select(pending_request.template)")).Array.Single()!;

        Assert.Equal("inquiring", selected.Str("pending_request.status"));
        Assert.Equal(Demo.InquireTemplate, selected.Str("pending_request.template.id"));
    }

    [Fact]
    public async Task AssetsList_SelectPendingRequestOfActiveAsset_IsNull()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var selected = (await emulator.Api.FetchAsync("assets?eq(id,AS-0002-0001-0001)&select(pending_request)")).Array.Single()!.AsObject();

        Assert.True(selected.ContainsKey("pending_request"));
        Assert.Null(selected["pending_request"]);
    }

    [Fact]
    public async Task AssetsList_SelectTemplate_AddsTheApprovingTemplate()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Api.PutAsync($"requests/{Demo.PendingPurchase}", """{"asset":{"params":[{"id":"subscription_id","value":"S-1"}]}}""");
        var approve = await emulator.Api.PostAsync($"requests/{Demo.PendingPurchase}/approve", $$"""{"template_id":"{{Demo.ActivationTemplate}}"}""");

        var plain = (await emulator.Api.FetchAsync($"assets?eq(id,{Demo.PendingPurchaseAsset})")).Array.Single()!.AsObject();
        var selected = (await emulator.Api.FetchAsync($"assets?eq(id,{Demo.PendingPurchaseAsset})&select(template)")).Array.Single()!;

        Assert.Equal(HttpStatusCode.OK, approve.Status);
        Assert.False(plain.ContainsKey("template"));
        Assert.Equal(Demo.ActivationTemplate, selected.Str("template.id"));
    }

    [Fact]
    public async Task ProductConfigurations_DemoProduct_ServesItsConfigurationParameters()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/configurations");
        var usage = await emulator.Api.FetchAsync($"products/{Demo.UsageProduct}/configurations");

        // The demo product has one product-scope (storage_region) and one item-scope (sku_code) configuration parameter.
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("items 0-2/3", reply.ContentRange);
        Assert.Equal("storage_region", reply.Array[0].Str("parameter.name"));
        Assert.Equal("eu-central", reply.Array[0].Str("value"));
        Assert.Equal(["PRD-100-200-300-0001", "PRD-100-200-300-0002"], reply.Array.Skip(1).Select(r => r.Str("item.id")));
        Assert.Empty(usage.Array);
        Assert.Equal("items 0-0/0", usage.ContentRange);
    }

    [Fact]
    public async Task ProductConfigurations_UnknownProduct_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.FetchAsync("products/PRD-999-999-999/configurations");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }

    [Fact]
    public async Task ProductConfigurations_ConfigurationParameters_ServesOneRowPerScopeTarget()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-{Guid.NewGuid():N}.db");
        try
        {
            using (var store = DocumentStore.Open(path))
            {
                DemoSeed.Load(store);
                store.Write(w =>
                {
                    w.Put(Collections.Parameters, ConfigurationParameter("PRM-100-200-300-0101", "region", "product", 101, "eu"));
                    w.Put(Collections.Parameters, ConfigurationParameter("PRM-100-200-300-0102", "sku_code", "item", 102, null));
                    return 0;
                });
            }

            await using var emulator = await TestEmulator.StartAsync(dataPath: path);
            var all = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/configurations");
            var filtered = await emulator.Api.FetchAsync($"products/{Demo.TierProduct}/configurations?eq(parameter.id,PRM-100-200-300-0102)&limit=1");

            Assert.Equal(HttpStatusCode.OK, all.Status);
            Assert.Equal("items 0-5/6", all.ContentRange); // these three, then the demo's own three
            var product = all.Array.First(r => r.Str("parameter.id") == "PRM-100-200-300-0101")!;
            Assert.Equal("eu", product.Str("value"));
            Assert.Equal("region", product.Str("parameter.name"));
            Assert.NotNull(product["structured_value"]);
            Assert.Null(product["parameter"]!["product"]);
            Assert.Null(product["item"]);
            var itemRow = all.Array.First(r => r.Str("parameter.id") == "PRM-100-200-300-0102")!;
            Assert.Equal("PRD-100-200-300-0001", itemRow.Str("item.id"));
            Assert.Null(itemRow["value"]);
            Assert.Equal("items 0-0/2", filtered.ContentRange);
            Assert.Equal("sku_code", filtered.Array.Single().Str("parameter.name"));
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Theory]
    [InlineData("GET", "requests/PR-9999-9999-9999-001/nothing")]
    [InlineData("GET", "requests/PR-0001-0001-0001-001/nothing")]
    [InlineData("PUT", "requests/PR-0001-0001-0001-001/nothing")]
    [InlineData("GET", "tier/config-requests/TCR-000-000-000-000/nothing")]
    [InlineData("GET", "usage/files/UF-0000-0000-0000/nothing")]
    [InlineData("GET", "no/such/route")]
    public async Task UnknownSubRoute_AnyMethod_Answers404NotFound(string method, string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorCode);
    }

    [Theory]
    [InlineData("GET", "requests/PR-0001-0001-0001-001/approve")]
    [InlineData("DELETE", "tier/config-requests/TCR-000-000-000-000/submit")]
    [InlineData("GET", "usage/files/UF-0000-0000-0000/submit")]
    [InlineData("DELETE", "requests/PR-0001-0001-0001-001")]
    public async Task KnownRoute_WrongMethod_Answers405(string method, string path)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var reply = await emulator.Api.SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("VAL_001", reply.ErrorCode);
    }

    private static JsonObject ConfigurationParameter(string id, string name, string scope, int position, string? value) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["title"] = name,
        ["type"] = "text",
        ["scope"] = scope,
        ["phase"] = "configuration",
        ["position"] = position * 10000,
        ["value"] = value,
        ["constraints"] = new JsonObject { ["required"] = false },
        ["product"] = new JsonObject { ["id"] = Demo.TierProduct },
        ["events"] = new JsonObject { ["created"] = new JsonObject { ["at"] = "2024-01-01T00:00:00+00:00" } },
    };
}
