using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Enforces <c>constraints.unique</c>: a value may be used by one live asset of a product only.</summary>
internal static class UniqueParameters
{
    public static void Check(StoreWriter w, JsonObject asset, IEnumerable<JsonNode?> parameters)
    {
        var candidates = parameters.OfType<JsonObject>()
            .Where(p => Parameters.IsUnique(p) && !string.IsNullOrEmpty(Json.Str(p, "value"))).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var assetId = Json.Id(asset);
        var productId = Json.Str(asset, "product.id");
        foreach (var param in candidates)
        {
            var key = Indexes.UniqueKey(productId, Json.Id(param), Json.Str(param, "value"));
            if (w.Find(Collections.Assets, Indexes.UniqueValue, key).FirstOrDefault(other =>
                    Json.Id(other) != assetId && Json.Str(other, "status") is not ("terminated" or "rejected")) is { } other)
            {
                throw DomainException.Refused(ErrorCodes.RequestUniqueParameter,
                    $"Parameter {Json.Id(param)}: value {Json.Str(param, "value")} is already used by asset {Json.Id(other)}.");
            }
        }
    }
}
