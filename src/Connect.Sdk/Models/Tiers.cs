// Wire models: JSON names are exactly the API's; unknown fields go to ExtensionData.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Sdk.Models;

/// <summary>A phone number.</summary>
public sealed partial class PhoneNumber : ConnectModel
{
    /// <summary>Country code.</summary>
    [JsonPropertyName("country_code")]
    public string? CountryCode { get; set; }

    /// <summary>Area code.</summary>
    [JsonPropertyName("area_code")]
    public string? AreaCode { get; set; }

    /// <summary>Number.</summary>
    [JsonPropertyName("phone_number")]
    public string? Number { get; set; }

    /// <summary>Extension.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; set; }
}

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

/// <summary>Contact information of a tier account.</summary>
public sealed partial class ContactInfo : ConnectModel
{
    /// <summary>Street address, first line.</summary>
    [JsonPropertyName("address_line1")]
    public string? AddressLine1 { get; set; }

    /// <summary>Street address, second line.</summary>
    [JsonPropertyName("address_line2")]
    public string? AddressLine2 { get; set; }

    /// <summary>City.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>State.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Postal code.</summary>
    [JsonPropertyName("postal_code")]
    public string? PostalCode { get; set; }

    /// <summary>Country code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Person of contact.</summary>
    [JsonPropertyName("contact")]
    public Contact? Contact { get; set; }
}

/// <summary>A tier account (customer, reseller).</summary>
public sealed partial class TierAccount : ConnectModel, IIdentified
{
    /// <summary>Unique id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>External id.</summary>
    [JsonPropertyName("external_id")]
    public string? ExternalId { get; set; }

    /// <summary>External UID.</summary>
    [JsonPropertyName("external_uid")]
    public string? ExternalUid { get; set; }

    /// <summary>Tax id.</summary>
    [JsonPropertyName("tax_id")]
    public string? TaxId { get; set; }

    /// <summary>Environment.</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; set; }

    /// <summary>Contact information.</summary>
    [JsonPropertyName("contact_info")]
    public ContactInfo? ContactInfo { get; set; }

    /// <summary>Events.</summary>
    [JsonPropertyName("events")]
    public Events? Events { get; set; }
}

/// <summary>The supply chain accounts of an asset (the Python connect-sdk's TierAccounts).</summary>
public sealed partial class Tiers : ConnectModel
{
    /// <summary>Customer account.</summary>
    [JsonPropertyName("customer")]
    public TierAccount? Customer { get; set; }

    /// <summary>Tier 1 account.</summary>
    [JsonPropertyName("tier1")]
    public TierAccount? Tier1 { get; set; }

    /// <summary>Tier 2 account.</summary>
    [JsonPropertyName("tier2")]
    public TierAccount? Tier2 { get; set; }
}
