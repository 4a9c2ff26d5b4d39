using System.Text.Json.Nodes;
using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Connect.Emulator.Store;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Endpoints;

/// <summary>
/// <c>POST /emulator/v1/seed</c>: stores documents exactly as given (a test's own requests, assets, tier config
/// requests, usage files), so a test can put the emulator in any state without driving it there through the API.
/// </summary>
internal static class SeedApi
{
    private const int MaxDocuments = 10_000;

    // Body key → collection. Documents go in this order so a request's embedded asset is known before the request.
    private static readonly (string Key, string Collection)[] Kinds =
    [
        ("assets", Collections.Assets),
        ("tier_configs", Collections.TierConfigs),
        ("requests", Collections.Requests),
        ("tier_config_requests", Collections.TierConfigRequests),
        ("usage_files", Collections.UsageFiles),
    ];

    public static void Map(RouteGroupBuilder api, EmulatorServices s) =>
        api.MapPost("/seed", async Task<IResult> (HttpContext c) =>
        {
            var body = await Bodies.ReadObjectAsync(c.Request, c.RequestAborted).ConfigureAwait(false);
            var documents = Check(body);
            var caller = c.GetCaller();
            var now = s.Clock.Now();
            var stored = s.Store.Write(w => Store(w, documents, caller, now));
            return Responses.Json(stored, StatusCodes.Status201Created);
        });

    /// <summary>Validates the whole body before anything is stored: known keys, lists of objects, each with a string id.</summary>
    private static List<(string Key, string Collection, JsonObject Document)> Check(JsonObject body)
    {
        var unknown = body.Select(p => p.Key).Where(k => !Kinds.Any(kind => kind.Key == k)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiException.Invalid($"{unknown[0]}: Unknown collection; expected one of {string.Join(", ", Kinds.Select(k => k.Key))}.");
        }

        var documents = new List<(string, string, JsonObject)>();
        foreach (var (key, collection) in Kinds)
        {
            if (!body.TryGetPropertyValue(key, out var node) || node is null)
            {
                continue;
            }

            if (node is not JsonArray list)
            {
                throw ApiException.Invalid($"{key}: Expected a list of documents.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject document)
                {
                    throw ApiException.Invalid($"{key}[{i}]: Expected an object.");
                }

                if (Json.Text(document, "id") is not { Length: > 0 })
                {
                    throw ApiException.Invalid($"{key}[{i}].id: This field is required.");
                }

                if (Json.Text(document, "status") is not { Length: > 0 })
                {
                    throw ApiException.Invalid($"{key}[{i}].status: This field is required.");
                }

                documents.Add((key, collection, (JsonObject)document.DeepClone()));
            }
        }

        if (documents.Count > MaxDocuments)
        {
            throw ApiException.Invalid($"At most {MaxDocuments} documents can be seeded at once.");
        }

        return documents;
    }

    private static JsonObject Store(StoreWriter w, List<(string Key, string Collection, JsonObject Document)> documents, Caller caller, string now)
    {
        var answer = new JsonObject();
        foreach (var (key, collection, document) in documents)
        {
            var id = Json.Id(document);
            var before = w.Get(collection, id);
            w.Put(collection, document);
            w.Audit(collection, id, before is null ? null : Json.Str(before, "status"), Json.Str(document, "status")!, "seed", now, caller.ApiKeyId);
            ((answer[key] ??= new JsonArray()) as JsonArray)!.Add(id);

            // The object a document embeds is stored too when the emulator does not have it yet, so actions on
            // the request (approve moves its asset) find it.
            var (embedded, embeddedCollection) = collection switch
            {
                Collections.Requests => (document["asset"] as JsonObject, Collections.Assets),
                Collections.TierConfigRequests => (document["configuration"] as JsonObject, Collections.TierConfigs),
                _ => (null, null),
            };
            if (embedded is not null && Json.Str(embedded, "id") is { Length: > 0 } embeddedId && !w.Exists(embeddedCollection!, embeddedId))
            {
                var copy = Json.Clone(embedded);
                copy["status"] ??= "processing";
                w.Put(embeddedCollection!, copy);
                w.Audit(embeddedCollection!, embeddedId, null, Json.Str(copy, "status")!, "seed", now, caller.ApiKeyId);
            }

            if (collection is Collections.Requests or Collections.TierConfigRequests)
            {
                ConversationService.Ensure(w, id);
            }
        }

        return answer;
    }
}
