using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Builds an <see cref="Asset"/> (start from <see cref="Assets"/>); <see cref="Build"/> returns a copy.</summary>
public sealed class AssetBuilder
{
    private readonly Asset _asset;
    private readonly bool _fromTemplate;

    internal AssetBuilder(string status)
    {
        var id = TestIds.Asset();
        _asset = new Asset
        {
            Id = id,
            Status = status,
            ExternalId = id[3..].Replace("-", string.Empty, StringComparison.Ordinal),
            ExternalUid = Guid.NewGuid().ToString(),
            Product = DemoDefaults.Product(DemoDefaults.ProductId, null),
            Connection = DemoDefaults.Connection(DemoDefaults.ProductId),
            Items = [],
            Params = [],
            Tiers = new Tiers { Customer = DemoDefaults.Customer(), Tier1 = DemoDefaults.Tier1(), Tier2 = new TierAccount() },
            Configuration = new Configuration { Params = [] },
            Marketplace = DemoDefaults.Marketplace(),
            Contract = DemoDefaults.Contract(),
            Events = new Events { Created = new Event { At = DemoDefaults.Created }, Updated = new Event { At = DemoDefaults.Created } },
        };
    }

    internal AssetBuilder(Asset template)
    {
        _asset = template;
        _fromTemplate = true;
    }

    /// <summary>Sets the asset id (<c>AS-...</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _asset.Id = id;
        return this;
    }

    /// <summary>Sets the status (see <see cref="AssetStatus"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        _asset.Status = status;
        return this;
    }

    /// <summary>Sets the product; items added earlier follow it.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="name">The product name.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder ForProduct(string productId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ModelParts.RenameItems(_asset.Items, _asset.Product?.Id, productId);
        _asset.Product = DemoDefaults.Product(productId, name);
        if (_asset.Connection is { } connection)
        {
            connection.Product = new Product { Id = productId };
        }

        return this;
    }

    /// <summary>Adds an item, or sets the quantity of the item with this MPN.</summary>
    /// <param name="mpn">The manufacturer part number.</param>
    /// <param name="quantity">The quantity.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithItem(string mpn, decimal quantity)
    {
        _asset.Items ??= [];
        ModelParts.SetItem(_asset.Items, _asset.Product?.Id ?? DemoDefaults.ProductId, mpn, quantity, null);
        return this;
    }

    /// <summary>Sets the value of a parameter, adding it when missing.</summary>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithParameter(string id, string? value)
    {
        _asset.Params ??= [];
        ModelParts.SetParameter(_asset.Params, id, value);
        return this;
    }

    /// <summary>Sets the customer account.</summary>
    /// <param name="accountId">The tier account id.</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithCustomer(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _asset.Tiers ??= new Tiers();
        _asset.Tiers.Customer = DemoDefaults.Customer(accountId, name);
        return this;
    }

    /// <summary>Sets the tier 1 (reseller) account.</summary>
    /// <param name="accountId">The tier account id.</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder WithTier1(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _asset.Tiers ??= new Tiers();
        _asset.Tiers.Tier1 = DemoDefaults.Tier1(accountId, name);
        return this;
    }

    /// <summary>Changes anything else about the asset.</summary>
    /// <param name="change">Changes the asset being built.</param>
    /// <returns>This builder.</returns>
    public AssetBuilder With(Action<Asset> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_asset);
        return this;
    }

    /// <summary>The asset: an independent copy. One built from the defaults without items gets one unit of <see cref="DemoDefaults.ItemMpn"/>.</summary>
    /// <returns>The asset.</returns>
    public Asset Build()
    {
        var asset = ConnectSerializer.Clone(_asset);
        if (!_fromTemplate && asset.Items is not { Count: > 0 })
        {
            asset.Items = [];
            ModelParts.SetItem(asset.Items, asset.Product?.Id ?? DemoDefaults.ProductId, DemoDefaults.ItemMpn, 1, null);
        }

        return asset;
    }
}
