using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Configuration-phase parameters bound to a context (asset, request, tier config).</summary>
public sealed partial class Configuration : ConnectModel
{
    /// <summary>Parameters.</summary>
    [JsonPropertyName("params")]
    public IList<Param>? Params { get; set; }

    /// <summary>The configuration parameter with the given id, or <see langword="null"/>.</summary>
    /// <param name="paramId">Parameter id.</param>
    public Param? GetParamById(string paramId) => ModelLookup.ParamById(Params, paramId);
}
