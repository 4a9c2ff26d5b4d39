using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// The defaults builders start from: the emulator's demo catalog (docs/emulator.md, "Demo data"), so a built object
/// seeded into a demo emulator refers to a product, connection, marketplace and tier accounts that exist there.
/// </summary>
public static class DemoDefaults
{
    /// <summary>The demo product with tier configuration (<c>Demo Cloud Storage</c>).</summary>
    public const string ProductId = "PRD-100-200-300";

    /// <summary>Its name.</summary>
    public const string ProductName = "Demo Cloud Storage";

    /// <summary>The demo pay-per-use product (<c>Demo Metered API</c>, schema QT).</summary>
    public const string UsageProductId = "PRD-400-500-600";

    /// <summary>The first item of the demo product.</summary>
    public const string ItemMpn = "MPN-A";

    /// <summary>The first pay-per-use item of the usage product.</summary>
    public const string UsageItemMpn = "MPN-PPU-CALLS";

    /// <summary>The demo product's preview connection.</summary>
    public const string ConnectionId = "CT-0000-0000-0001";

    /// <summary>The demo vendor account.</summary>
    public const string VendorId = "VA-610-138";

    /// <summary>The demo provider account.</summary>
    public const string ProviderId = "PA-855-748";

    /// <summary>The demo hub.</summary>
    public const string HubId = "HB-0000-0001";

    /// <summary>The EU demo marketplace.</summary>
    public const string MarketplaceId = "MP-10001";

    /// <summary>The distribution contract of the EU demo marketplace.</summary>
    public const string ContractId = "CRD-10001-00001-00001";

    /// <summary>The demo customer Acme Corp.</summary>
    public const string CustomerId = "TA-1000-0000-0001";

    /// <summary>The demo reseller Northwind (its tier config is active).</summary>
    public const string Tier1Id = "TA-2000-0000-0001";

    /// <summary>The demo asset activation template.</summary>
    public const string ActivationTemplateId = "TL-100-200-301";

    /// <summary>The demo tier1 activation template.</summary>
    public const string Tier1TemplateId = "TL-100-200-302";

    /// <summary>The fixed instant built objects carry unless told otherwise (the demo seed's clock start).</summary>
    public static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    internal static Product Product(string id, string? name) => new() { Id = id, Name = name ?? (id == ProductId ? ProductName : id), Icon = $"/media/{VendorId}/{id}/media/{id}-logo.png" };

    internal static Connection Connection(string productId, string type = "preview") => new()
    {
        Id = ConnectionId,
        Type = type,
        Provider = new Company { Id = ProviderId, Name = "Demo Provider" },
        Vendor = new Company { Id = VendorId, Name = "Demo Vendor" },
        Hub = new Hub { Id = HubId, Name = "Demo Hub" },
        Product = new Product { Id = productId },
    };

    internal static Marketplace Marketplace(string id = MarketplaceId, string? name = null) => new()
    {
        Id = id,
        Name = name ?? (id == MarketplaceId ? "Demo Marketplace EU" : id),
        Icon = $"/media/{ProviderId}/marketplaces/{id}/icon.png",
    };

    internal static Contract Contract(string id = ContractId) => new() { Id = id, Name = id == ContractId ? "Demo Distribution Contract EU" : id };

    internal static TierAccount Account(string id, string? name, string email) => new()
    {
        Id = id,
        Name = name ?? id,
        ExternalId = id.Length > 3 ? id[3..].Replace("-", string.Empty, StringComparison.Ordinal) : id,
        TaxId = string.Empty,
        ContactInfo = new ContactInfo
        {
            AddressLine1 = "1 Demo Street",
            AddressLine2 = string.Empty,
            City = "Berlin",
            State = "Berlin",
            PostalCode = "10115",
            Country = "DE",
            Contact = new Contact
            {
                FirstName = (name ?? id).Split(' ')[0],
                LastName = "Admin",
                Email = email,
                PhoneNumber = new PhoneNumber { CountryCode = "+49", AreaCode = "30", Number = "1234567", Extension = string.Empty },
            },
        },
    };

    internal static TierAccount Customer(string id = CustomerId, string? name = null) =>
        Account(id, name ?? (id == CustomerId ? "Acme Corp" : null), "admin@acme.example");

    internal static TierAccount Tier1(string id = Tier1Id, string? name = null) =>
        Account(id, name ?? (id == Tier1Id ? "Northwind Reseller" : null), "admin@northwind.example");
}
