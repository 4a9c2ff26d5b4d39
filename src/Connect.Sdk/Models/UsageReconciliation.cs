using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A usage reconciliation (<c>GET /usage/reconciliations</c>): the provider's check of a usage file.</summary>
public sealed partial class UsageReconciliation : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Status of the reconciliation.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The usage file reconciled (id and name).</summary>
    [JsonPropertyName("usagefile")]
    public UsageFile? UsageFile { get; set; }

    /// <summary>Notes of the reconciliation.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    /// <summary>The error, when the reconciliation failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>When it was created and last updated.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}
