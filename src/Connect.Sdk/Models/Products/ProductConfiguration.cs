using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>Product configuration switches.</summary>
public sealed partial class ProductConfiguration : ConnectModel
{
    /// <summary>Whether suspend and resume are supported.</summary>
    [JsonPropertyName("suspend_resume_supported")]
    public bool? SuspendResumeSupported { get; set; }

    /// <summary>Whether reseller information is required.</summary>
    [JsonPropertyName("requires_reseller_information")]
    public bool? RequiresResellerInformation { get; set; }
}
