using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// Builds a <see cref="FulfillmentRequest"/> step by step (start from <see cref="Requests"/>). Every method changes the
/// request being built and returns this builder; <see cref="Build"/> returns an independent copy, so one builder can
/// produce several requests.
/// </summary>
public sealed class FulfillmentRequestBuilder
{
    private readonly FulfillmentRequest _request;
    private readonly bool _fromTemplate;
    private bool _explicitId;
    private bool _noDefaultItem;

    internal FulfillmentRequestBuilder(string type)
    {
        var assetId = TestIds.Asset();
        var assetStatus = type switch
        {
            RequestType.Purchase => AssetStatus.Processing,
            RequestType.Resume => AssetStatus.Suspended,
            _ => AssetStatus.Active,
        };
        _request = new FulfillmentRequest
        {
            Id = TestIds.Request(assetId),
            Type = type,
            Status = RequestStatus.Pending,
            Note = string.Empty,
            Reason = string.Empty,
            ActivationKey = string.Empty,
            Answered = false,
            Created = DemoDefaults.Created,
            Updated = DemoDefaults.Created,
            EffectiveDate = DemoDefaults.Created,
            Marketplace = DemoDefaults.Marketplace(),
            Contract = DemoDefaults.Contract(),
            Asset = new Asset
            {
                Id = assetId,
                Status = assetStatus,
                ExternalId = assetId[3..].Replace("-", string.Empty, StringComparison.Ordinal),
                ExternalUid = Guid.NewGuid().ToString(),
                Product = DemoDefaults.Product(DemoDefaults.ProductId, null),
                Connection = DemoDefaults.Connection(DemoDefaults.ProductId),
                Items = [],
                Params = [],
                Tiers = new Tiers { Customer = DemoDefaults.Customer(), Tier1 = DemoDefaults.Tier1(), Tier2 = new TierAccount() },
                Configuration = new Configuration { Params = [] },
                Marketplace = DemoDefaults.Marketplace(),
                Contract = DemoDefaults.Contract(),
                Events = new Events
                {
                    Created = new Event { At = DemoDefaults.Created },
                    Updated = new Event { At = DemoDefaults.Created },
                },
            },
        };
    }

    internal FulfillmentRequestBuilder(FulfillmentRequest template)
    {
        _request = template;
        _request.Asset ??= new Asset();
        _fromTemplate = true;
    }

    private Asset Asset => _request.Asset!;

    private string ProductId => Asset.Product?.Id ?? DemoDefaults.ProductId;

    /// <summary>Sets the request id (<c>PR-...</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _request.Id = id;
        _explicitId = true;
        return this;
    }

    /// <summary>Sets the request type (see <see cref="RequestType"/>).</summary>
    /// <param name="type">The type.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithType(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        _request.Type = type;
        return this;
    }

    /// <summary>Sets the request status (see <see cref="RequestStatus"/>); the default is <c>pending</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        _request.Status = status;
        return this;
    }

    /// <summary>Sets the request note.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithNote(string note)
    {
        _request.Note = note;
        return this;
    }

    /// <summary>Sets the creation and update dates of the request and its asset.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder CreatedAt(DateTimeOffset at)
    {
        _request.Created = at;
        _request.Updated = at;
        _request.EffectiveDate = at;
        Asset.Events ??= new Events();
        Asset.Events.Created = new Event { At = at };
        Asset.Events.Updated = new Event { At = at };
        return this;
    }

    /// <summary>Sets the product; items added earlier follow it (their ids are derived from the product id).</summary>
    /// <param name="productId">The product id (<c>PRD-...</c>).</param>
    /// <param name="name">The product name; the id when omitted.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder ForProduct(string productId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ModelParts.RenameItems(Asset.Items, Asset.Product?.Id, productId);
        Asset.Product = DemoDefaults.Product(productId, name);
        if (Asset.Connection is { } connection)
        {
            connection.Product = new Product { Id = productId };
        }

        return this;
    }

    /// <summary>Sets the asset id, and the request id to match (<c>AS-1</c> → <c>PR-1-001</c>) unless <see cref="WithId"/> set one.</summary>
    /// <param name="assetId">The asset id (<c>AS-...</c>).</param>
    /// <param name="requestNumber">The request's number on the asset (1 for the purchase).</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder ForAsset(string assetId, int requestNumber = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        if (!assetId.StartsWith("AS-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"An asset id starts with 'AS-'; got '{assetId}'.", nameof(assetId));
        }

        if (!_explicitId)
        {
            _request.Id = TestIds.Request(assetId, requestNumber);
        }

        Asset.Id = assetId;
        Asset.ExternalId = assetId[3..].Replace("-", string.Empty, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Sets the asset status (see <see cref="AssetStatus"/>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithAssetStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        Asset.Status = status;
        return this;
    }

    /// <summary>Sets the asset's external id (the id in the e-commerce system).</summary>
    /// <param name="externalId">The external id.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithExternalId(string externalId)
    {
        Asset.ExternalId = externalId;
        return this;
    }

    /// <summary>Adds an item, or sets the quantity of the item with this MPN.</summary>
    /// <param name="mpn">The manufacturer part number.</param>
    /// <param name="quantity">The ordered quantity (-1 for unlimited).</param>
    /// <param name="oldQuantity">The quantity before this request (change requests); 0 when omitted.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithItem(string mpn, decimal quantity, decimal? oldQuantity = null)
    {
        Asset.Items ??= [];
        var item = ModelParts.SetItem(Asset.Items, ProductId, mpn, quantity, oldQuantity);
        if (_request.Type == RequestType.Renew)
        {
            item.Renewal ??= new Renewal { From = _request.Created, To = _request.Created?.AddYears(1), PeriodDelta = 1, PeriodUom = "year" };
        }

        return this;
    }

    /// <summary>Removes every item (a request built without items gets one default item otherwise).</summary>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithoutItems()
    {
        Asset.Items = [];
        _noDefaultItem = true;
        return this;
    }

    /// <summary>Sets the value of an asset parameter, adding it as an ordering text parameter when the request has none of that id.</summary>
    /// <param name="id">The parameter id (or name).</param>
    /// <param name="value">The value; <see langword="null"/> is sent as an empty string.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithParameter(string id, string? value) => WithParameter(id, value, configure: null);

    /// <summary>Sets the value of an asset parameter and then changes anything else about it.</summary>
    /// <param name="id">The parameter id (or name).</param>
    /// <param name="value">The value.</param>
    /// <param name="configure">Changes the parameter (phase, type, constraints, structured value ...).</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithParameter(string id, string? value, Action<Param>? configure)
    {
        Asset.Params ??= [];
        var param = ModelParts.SetParameter(Asset.Params, id, value);
        configure?.Invoke(param);
        return this;
    }

    /// <summary>Adds (or sets) a fulfillment-phase parameter, the kind a processor fills in.</summary>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value; empty when omitted.</param>
    /// <param name="required">Whether approving needs a value.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithFulfillmentParameter(string id, string? value = null, bool required = false)
    {
        Asset.Params ??= [];
        var param = ModelParts.SetParameter(Asset.Params, id, value, "fulfillment");
        param.Phase = "fulfillment";
        param.Constraints ??= new Constraints();
        param.Constraints.Required = required;
        return this;
    }

    /// <summary>Sets the error shown to the customer on a parameter (as an inquiring request carries it).</summary>
    /// <param name="id">The parameter id; added when missing.</param>
    /// <param name="error">The error text.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithParameterError(string id, string error)
    {
        Asset.Params ??= [];
        var param = ModelParts.Find(Asset.Params, id) ?? ModelParts.SetParameter(Asset.Params, id, null);
        param.ValueError = error;
        return this;
    }

    /// <summary>Sets the customer account.</summary>
    /// <param name="accountId">The tier account id (<c>TA-...</c>).</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithCustomer(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        Asset.Tiers ??= new Tiers();
        Asset.Tiers.Customer = DemoDefaults.Customer(accountId, name);
        return this;
    }

    /// <summary>Sets the tier 1 (reseller) account.</summary>
    /// <param name="accountId">The tier account id.</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithTier1(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        Asset.Tiers ??= new Tiers();
        Asset.Tiers.Tier1 = DemoDefaults.Tier1(accountId, name);
        return this;
    }

    /// <summary>Sets the tier 2 account.</summary>
    /// <param name="accountId">The tier account id.</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder WithTier2(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        Asset.Tiers ??= new Tiers();
        Asset.Tiers.Tier2 = DemoDefaults.Account(accountId, name, "admin@tier2.example");
        return this;
    }

    /// <summary>Sets the marketplace of the request and its asset.</summary>
    /// <param name="marketplaceId">The marketplace id (<c>MP-...</c>).</param>
    /// <param name="name">The marketplace name.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder InMarketplace(string marketplaceId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marketplaceId);
        _request.Marketplace = DemoDefaults.Marketplace(marketplaceId, name);
        Asset.Marketplace = DemoDefaults.Marketplace(marketplaceId, name);
        return this;
    }

    /// <summary>Sets the connection type: <c>test</c>, <c>preview</c> (the default) or <c>production</c>.</summary>
    /// <param name="connectionType">See <see cref="ConnectionType"/>.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder InEnvironment(string connectionType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionType);
        Asset.Connection ??= DemoDefaults.Connection(ProductId);
        Asset.Connection.Type = connectionType;
        return this;
    }

    /// <summary>Sets the assignee.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="name">The user name.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder AssignedTo(string userId, string? name = null)
    {
        _request.Assignee = new User { Id = userId, Name = name ?? userId };
        return this;
    }

    /// <summary>Changes anything else about the request.</summary>
    /// <param name="change">Changes the request being built.</param>
    /// <returns>This builder.</returns>
    public FulfillmentRequestBuilder With(Action<FulfillmentRequest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_request);
        return this;
    }

    /// <summary>
    /// The request: an independent copy of what was built. A request built from the defaults without any item gets
    /// one unit of <see cref="DemoDefaults.ItemMpn"/> (old quantity 1 for requests on an existing asset).
    /// </summary>
    /// <returns>The request.</returns>
    public FulfillmentRequest Build()
    {
        var request = ConnectSerializer.Clone(_request);
        if (!_fromTemplate && !_noDefaultItem && request.Asset is { Items: not { Count: > 0 } })
        {
            request.Asset.Items = [];
            var existing = request.Type != RequestType.Purchase;
            ModelParts.SetItem(request.Asset.Items, request.Asset.Product?.Id ?? DemoDefaults.ProductId, DemoDefaults.ItemMpn, 1, existing ? 1 : 0);
        }

        return request;
    }
}
