using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Connect.Emulator.Seed;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Endpoints;

/// <summary>The emulator's own control API (not part of Connect), relative to <c>/emulator/v1</c>.</summary>
internal static class ControlApi
{
    private const int MaxGenerate = 1_000_000;

    public static void Map(RouteGroupBuilder api, EmulatorServices s)
    {
        static string Clip(string text) => text.Length > 40 ? text[..40] + "..." : text;

        // Create a subscription (purchase) or a change/suspend/resume/cancel request, as a storefront would.
        api.MapPost("/requests", async Task<IResult> (HttpContext c) =>
        {
            var body = await Bodies.ReadObjectAsync(c.Request, c.RequestAborted).ConfigureAwait(false);
            var publicBody = body.ContainsKey("asset") ? BodyShapes.RequestCreate.Check(body) : Translate(s, body);
            return Responses.Json(s.RequestCreation.Create(publicBody, c.GetCaller()), StatusCodes.Status201Created);
        });

        api.MapPost("/requests/generate", async Task<IResult> (HttpContext c) =>
        {
            var body = await Bodies.ReadObjectAsync(c.Request, c.RequestAborted).ConfigureAwait(false);
            var productId = Json.Text(body, "product_id") ?? throw ApiException.Invalid("product_id: This field is required.");
            // Absent means one; anything else must be a JSON whole number in range ("ten", 1e100, 2^63 and 2.5 are refused).
            var count = body["count"] switch
            {
                null => 1,
                JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.TryGetValue<long>(out var n) && n is >= 1 and <= MaxGenerate => (int)n,
                _ => throw ApiException.Invalid(
                    $"count: Must be a whole number between 1 and {MaxGenerate.ToString(CultureInfo.InvariantCulture)} (the limit), not {Clip(body["count"]!.ToJsonString())}."),
            };

            var status = Json.Text(body, "status") ?? "pending";
            if (status is not ("pending" or "draft" or "inquiring"))
            {
                throw ApiException.Invalid("status: Must be pending, draft or inquiring.");
            }

            var ids = s.RequestGenerator.Generate(productId, count, status, c.GetCaller());
            return Responses.Json(
                new JsonObject
                {
                    ["product_id"] = productId,
                    ["count"] = ids.Count,
                    ["status"] = status,
                    ["ids"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]),
                },
                StatusCodes.Status201Created);
        });

        api.MapGet("/audit", (HttpContext c) =>
        {
            var query = c.Request.Query;
            var objectId = query["object_id"].ToString();
            var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Min(l, Lists.MaxLimit) : Lists.DefaultLimit;
            var offsetText = query["offset"].ToString();
            var offset = int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o
                : offsetText.Length > 0 && offsetText.All(char.IsAsciiDigit) ? int.MaxValue // past the end: an empty page
                : 0;
            var entries = s.Store.ReadAudit(string.IsNullOrEmpty(objectId) ? null : objectId, limit, offset, out var total);
            var body = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["seq"] = e.Seq,
                ["object_id"] = e.ObjectId,
                ["collection"] = e.Collection,
                ["from"] = e.FromStatus,
                ["to"] = e.ToStatus,
                ["action"] = e.Action,
                ["at"] = e.At,
                ["api_key_id"] = e.ApiKeyId,
            })]);
            var range = limit == 0 ? $"items 0-0/{total}"
                : entries.Count == 0 ? $"items {offset}-{offset}/{total}"
                : $"items {offset}-{offset + entries.Count - 1}/{total}";
            return Responses.Json(limit == 0 ? new JsonArray() : body, contentRange: range);
        });

        api.MapPost("/reset", async Task<IResult> (HttpContext c) =>
        {
            var body = await Bodies.ReadObjectAsync(c.Request, c.RequestAborted).ConfigureAwait(false);
            var seed = Json.Text(body, "seed") ?? s.Seed;
            if (seed is not ("demo" or "none"))
            {
                throw ApiException.Invalid("seed: Must be demo or none.");
            }

            s.Store.Clear();
            if (seed == "demo")
            {
                DemoSeed.Load(s.Store);
            }

            return Responses.NoContent();
        });
    }

    /// <summary>Turns the control API's short form into a public <c>POST /requests</c> body.</summary>
    private static JsonObject Translate(EmulatorServices s, JsonObject body)
    {
        var type = Json.Text(body, "type") ?? "purchase";
        if (type != "purchase")
        {
            var assetId = Json.Text(body, "asset_id") ?? throw ApiException.Invalid("asset_id: This field is required.");
            var asset = new JsonObject { ["id"] = assetId };
            if (body["items"] is JsonArray changeItems)
            {
                asset["items"] = changeItems.DeepClone();
            }

            return new JsonObject { ["type"] = type, ["asset"] = asset, ["note"] = Json.Text(body, "note") ?? string.Empty };
        }

        var productId = Json.Text(body, "product_id") ?? throw ApiException.Invalid("product_id: This field is required.");
        var tiers = new JsonObject
        {
            ["customer"] = Json.Text(body, "customer_id") is { } customer ? new JsonObject { ["id"] = customer } : new JsonObject { ["name"] = "Preview Customer" },
            ["tier1"] = Json.Text(body, "tier1_id") is { } tier1 ? new JsonObject { ["id"] = tier1 } : new JsonObject(),
            ["tier2"] = new JsonObject(),
        };
        var result = new JsonObject
        {
            ["type"] = "purchase",
            ["asset"] = new JsonObject
            {
                ["product"] = new JsonObject { ["id"] = productId },
                ["items"] = body["items"]?.DeepClone() ?? DefaultItems(s, productId),
                ["params"] = body["params"]?.DeepClone() ?? new JsonArray(),
                ["tiers"] = tiers,
            },
        };
        if (Json.Text(body, "marketplace_id") is { } marketplace)
        {
            result["marketplace"] = new JsonObject { ["id"] = marketplace };
        }

        if (Json.Text(body, "status") is { } status)
        {
            result["status"] = status;
        }

        return result;
    }

    private static JsonArray DefaultItems(EmulatorServices s, string productId)
    {
        var items = s.Store.All(Store.Collections.Items).Where(i => Json.Str(i, "product.id") == productId).ToList();
        var item = items.FirstOrDefault(i => Json.Str(i, "type") != "ppu") ?? items.FirstOrDefault()
            ?? throw ApiException.Invalid($"product_id: Product {productId} has no items.");
        return [new JsonObject { ["global_id"] = Json.Id(item), ["quantity"] = "1" }];
    }
}
