using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>The error body Connect sends: error code, messages and optional params.</summary>
public sealed partial class ServerErrorResponse : ConnectModel
{
    /// <summary>Error code, e.g. VAL_001.</summary>
    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; set; }

    /// <summary>Error messages.</summary>
    [JsonPropertyName("errors")]
    public IList<string>? Errors { get; set; }

    /// <summary>Error params.</summary>
    [JsonPropertyName("params")]
    public IDictionary<string, JsonElement>? Params { get; set; }
}
