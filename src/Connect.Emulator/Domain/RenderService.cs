using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>
/// Rendering templates for requests, tier config requests and assets (the <c>render</c> routes): the text a request
/// was approved with, else its template (or the product's default for the scope) filled with its parameters.
/// </summary>
internal sealed class RenderService(DocumentStore store)
{
    /// <summary>The markdown of a fulfillment request: the approved activation, else the product's default.</summary>
    public string Request(string id)
    {
        var request = store.Get(Collections.Requests, id) ?? throw DomainException.NotFound("Request", id);
        if (Json.Str(request, "activation_key") is { Length: > 0 } key)
        {
            return key;
        }

        return Fill(Json.Str(request, "template.id"), Json.Str(request, "asset.product.id"), "asset", Json.Objects(request["asset"]?["params"]));
    }

    /// <summary>The markdown of a tier config request: the approved representation, else its tier template filled in.</summary>
    public string TierConfigRequest(string id)
    {
        var request = store.Get(Collections.TierConfigRequests, id) ?? throw DomainException.NotFound("Tier config request", id);
        if (Json.Str(request, "template.representation") is { Length: > 0 } representation)
        {
            return representation;
        }

        var level = request["configuration"]?["tier_level"]?.GetValue<int>() ?? 1;
        return Fill(Json.Str(request, "template.id"), Json.Str(request, "configuration.product.id"), $"tier{level}", Json.Objects(request["params"]));
    }

    /// <summary>The markdown of a tier config: the representation it was approved with, else its tier template filled in.</summary>
    public string TierConfig(string id)
    {
        var config = store.Get(Collections.TierConfigs, id) ?? throw DomainException.NotFound("Tier config", id);
        if (Json.Str(config, "template.representation") is { Length: > 0 } representation)
        {
            return representation;
        }

        var level = config["tier_level"]?.GetValue<int>() ?? 1;
        return Fill(Json.Str(config, "template.id"), Json.Str(config, "product.id"), $"tier{level}", Json.Objects(config["params"]));
    }

    /// <summary>The markdown of an asset: that of its latest approved request (empty when none is approved).</summary>
    public string Asset(string id)
    {
        _ = store.Get(Collections.Assets, id) ?? throw DomainException.NotFound("Asset", id);
        var latest = store.Find(Collections.Requests, Indexes.AssetId, id).LastOrDefault(r => Json.Str(r, "status") == "approved");
        return latest is null ? string.Empty : Request(Json.Id(latest));
    }

    /// <summary>
    /// A template filled with the parameters of <paramref name="instanceId"/>: a tier config request (<c>TCR-</c>),
    /// an asset (<c>AS-</c>) or a fulfillment request; no instance fills every placeholder with nothing.
    /// </summary>
    public string Template(JsonObject template, string? instanceId)
    {
        var body = Json.Str(template, "body") ?? string.Empty;
        if (string.IsNullOrEmpty(instanceId))
        {
            return Templates.Render(body, []);
        }

        IEnumerable<JsonObject> parameters;
        if (instanceId.StartsWith("TCR-", StringComparison.Ordinal))
        {
            parameters = Json.Objects((store.Get(Collections.TierConfigRequests, instanceId)
                ?? throw DomainException.NotFound("Tier config request", instanceId))["params"]);
        }
        else if (instanceId.StartsWith("AS-", StringComparison.Ordinal))
        {
            parameters = Json.Objects((store.Get(Collections.Assets, instanceId)
                ?? throw DomainException.NotFound("Asset", instanceId))["params"]);
        }
        else
        {
            parameters = Json.Objects((store.Get(Collections.Requests, instanceId)
                ?? throw DomainException.NotFound("Request", instanceId))["asset"]?["params"]);
        }

        return Templates.Render(body, parameters);
    }

    /// <summary>The first fulfillment template of a product for a scope (<c>asset</c>, <c>tier1</c>, <c>tier2</c>).</summary>
    internal static JsonObject? DefaultTemplate(IEnumerable<JsonObject> templates, string? productId, string scope) =>
        templates
            .Where(t => Json.Str(t, "product.id") == productId && Json.Str(t, "scope") == scope
                && (Json.Str(t, "type") ?? "fulfillment") == "fulfillment")
            .OrderBy(t => t["position"]?.GetValue<int>() ?? 0)
            .FirstOrDefault();

    private string Fill(string? templateId, string? productId, string scope, IEnumerable<JsonObject> parameters)
    {
        var template = templateId is null ? null : store.Get(Collections.Templates, templateId);
        template ??= DefaultTemplate(store.All(Collections.Templates), productId, scope);
        return template is null ? string.Empty : Templates.Render(Json.Str(template, "body") ?? string.Empty, parameters);
    }
}
