using System.Text.Json.Nodes;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>
/// Applies the parameter changes of an update body (<c>id</c> with <c>value</c>, <c>value_error</c>,
/// <c>structured_value</c>) to a document's parameters. Fulfillment requests (<c>asset.params</c>) and tier config
/// requests (<c>params</c>) share it.
/// </summary>
internal static class ParameterMerge
{
    /// <summary>
    /// Changes <paramref name="parameters"/> in place. Returns the parameters whose value was set (for uniqueness
    /// checks), or null when <paramref name="changes"/> is not a list (the body changes no parameter).
    /// </summary>
    /// <param name="changes">The body's parameter list.</param>
    /// <param name="parameters">The document's parameter array.</param>
    /// <param name="field">The body field, for the error message (<c>asset.params</c>, <c>params</c>).</param>
    /// <param name="unknownCode">The error code for a parameter the document does not have.</param>
    /// <param name="owner">The document, for the error message (<c>request PR-...</c>).</param>
    public static IReadOnlyList<JsonObject>? Apply(JsonNode? changes, JsonNode? parameters, string field, string unknownCode, string owner)
    {
        if (changes is not JsonArray list)
        {
            return null;
        }

        var byId = Json.Objects(parameters).ToDictionary(Json.Id, StringComparer.Ordinal);
        var valued = new List<JsonObject>();
        foreach (var change in list.OfType<JsonObject>())
        {
            var id = Json.Str(change, "id") ?? throw DomainException.Invalid($"{field}: Every parameter needs an id.");
            if (!byId.TryGetValue(id, out var param))
            {
                throw DomainException.Refused(unknownCode, $"Parameter {id} does not exist in {owner}.");
            }

            if (change.ContainsKey("value"))
            {
                param["value"] = Json.Text(change["value"]) ?? string.Empty;
                valued.Add(param);
            }

            if (change.ContainsKey("value_error"))
            {
                param["value_error"] = Json.Text(change["value_error"]) ?? string.Empty;
            }

            if (change.TryGetPropertyValue("structured_value", out var structured))
            {
                // Processors send "" for "no structured value" (the Python Processor SDK's Subscription Activation use case); only an object or null changes it.
                if (structured is JsonObject obj)
                {
                    param["structured_value"] = obj.DeepClone();
                }
                else if (structured is null)
                {
                    param.Remove("structured_value");
                }
            }
        }

        return valued;
    }
}
