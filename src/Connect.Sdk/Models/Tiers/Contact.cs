using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A person of contact.</summary>
public sealed partial class Contact : ConnectModel
{
    /// <summary>First name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    /// <summary>Last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    /// <summary>Email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>Phone number.</summary>
    [JsonPropertyName("phone_number")]
    public PhoneNumber? PhoneNumber { get; set; }
}
