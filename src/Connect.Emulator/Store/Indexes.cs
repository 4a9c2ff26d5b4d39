using System.Text.Json.Nodes;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Store;

/// <summary>Secondary indexes per collection: name and the keys a document files under.</summary>
internal static class Indexes
{
    public const string InstanceId = "instance_id";
    public const string AssetId = "asset.id";
    public const string Status = "status";
    public const string UniqueValue = "unique_value";

    private static readonly (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] None = [];

    private static readonly (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] ConversationIndexes =
        [(InstanceId, d => One(Json.Str(d, "instance_id")))];

    private static readonly (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] RequestIndexes =
        [(AssetId, d => One(Json.Str(d, "asset.id"))), (Status, d => One(Json.Str(d, "status")))];

    private static readonly (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] AssetIndexes =
        [(UniqueValue, UniqueValues)];

    public static (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] For(string collection) => collection switch
    {
        Collections.Conversations => ConversationIndexes,
        Collections.Requests => RequestIndexes,
        Collections.Assets => AssetIndexes,
        _ => None,
    };

    /// <summary>Every (index, key) pair a document files under.</summary>
    public static (string Index, string Key)[] KeysOf(string collection, JsonObject document) =>
        [.. For(collection).SelectMany(i => i.Keys(document).Select(k => (i.Name, k)))];

    /// <summary>The key of a unique parameter value of a product's asset.</summary>
    public static string UniqueKey(string? productId, string parameterId, string? value) => $"{productId}|{parameterId}|{value}";

    private static IEnumerable<string> UniqueValues(JsonObject asset)
    {
        var productId = Json.Str(asset, "product.id");
        foreach (var param in Json.Objects(asset["params"]))
        {
            if (Parameters.IsUnique(param) && Json.Str(param, "value") is { Length: > 0 } value)
            {
                yield return UniqueKey(productId, Json.Id(param), value);
            }
        }
    }

    private static IEnumerable<string> One(string? value) => value is null ? [] : [value];
}
