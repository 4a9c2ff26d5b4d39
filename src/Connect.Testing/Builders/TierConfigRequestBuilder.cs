using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Builds a <see cref="TierConfigRequest"/> (start from <see cref="TierConfigRequests"/>); <see cref="Build"/> returns a copy.</summary>
public sealed class TierConfigRequestBuilder
{
    private readonly TierConfigRequest _request;
    private bool _explicitId;

    internal TierConfigRequestBuilder(string type)
    {
        var configId = TestIds.TierConfig();
        var account = DemoDefaults.Tier1();
        _request = new TierConfigRequest
        {
            Id = TestIds.TierConfigRequest(configId),
            Type = type,
            Status = TierConfigRequestStatus.Pending,
            Notes = string.Empty,
            Reason = string.Empty,
            Environment = ConnectionType.Preview,
            EffectiveDate = DemoDefaults.Created,
            TierLevel = 1,
            Params = [],
            Account = account,
            Product = DemoDefaults.Product(DemoDefaults.ProductId, null),
            Marketplace = DemoDefaults.Marketplace(),
            Contract = DemoDefaults.Contract(),
            Configuration = new TierConfig
            {
                Id = configId,
                Name = $"{account.Name} - {DemoDefaults.ProductName}",
                Status = type == TierConfigRequestType.Setup ? "processing" : "active",
                TierLevel = 1,
                Account = DemoDefaults.Tier1(),
                Product = DemoDefaults.Product(DemoDefaults.ProductId, null),
                Connection = DemoDefaults.Connection(DemoDefaults.ProductId),
                Marketplace = DemoDefaults.Marketplace(),
                Contract = DemoDefaults.Contract(),
                Params = [],
                Configuration = new Configuration { Params = [] },
            },
            Events = new Events
            {
                Created = new Event { At = DemoDefaults.Created },
                Updated = new Event { At = DemoDefaults.Created },
            },
        };
    }

    internal TierConfigRequestBuilder(TierConfigRequest template)
    {
        _request = template;
    }

    /// <summary>Sets the request id (<c>TCR-...</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _request.Id = id;
        _explicitId = true;
        return this;
    }

    /// <summary>Sets the status (see <see cref="TierConfigRequestStatus"/>); the default is <c>pending</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        _request.Status = status;
        return this;
    }

    /// <summary>Sets the tier config id (<c>TC-...</c>), and the request id to match unless <see cref="WithId"/> set one.</summary>
    /// <param name="tierConfigId">The tier config id.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder ForTierConfig(string tierConfigId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tierConfigId);
        _request.Configuration ??= new TierConfig();
        _request.Configuration.Id = tierConfigId;
        if (!_explicitId && tierConfigId.StartsWith("TC-", StringComparison.Ordinal))
        {
            _request.Id = TestIds.TierConfigRequest(tierConfigId);
        }

        return this;
    }

    /// <summary>Sets the product of the request and its tier config.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="name">The product name.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder ForProduct(string productId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        _request.Product = DemoDefaults.Product(productId, name);
        _request.Configuration ??= new TierConfig();
        _request.Configuration.Product = DemoDefaults.Product(productId, name);
        if (_request.Configuration.Connection is { } connection)
        {
            connection.Product = new Product { Id = productId };
        }

        return this;
    }

    /// <summary>Sets the tier account being configured.</summary>
    /// <param name="accountId">The tier account id (<c>TA-...</c>).</param>
    /// <param name="name">The account name.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder ForAccount(string accountId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _request.Account = DemoDefaults.Tier1(accountId, name);
        _request.Configuration ??= new TierConfig();
        _request.Configuration.Account = DemoDefaults.Tier1(accountId, name);
        return this;
    }

    /// <summary>Sets the tier level (1 or 2).</summary>
    /// <param name="level">The level.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithTierLevel(int level)
    {
        if (level is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The tier level is 1 or 2.");
        }

        _request.TierLevel = level;
        _request.Configuration ??= new TierConfig();
        _request.Configuration.TierLevel = level;
        return this;
    }

    /// <summary>Sets the value of a tier parameter, adding it (ordering phase, tier1 scope) when missing.</summary>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithParameter(string id, string? value)
    {
        _request.Params ??= [];
        ModelParts.SetParameter(_request.Params, id, value, scope: "tier" + (_request.TierLevel ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Adds (or sets) a fulfillment-phase tier parameter.</summary>
    /// <param name="id">The parameter id.</param>
    /// <param name="value">The value; empty when omitted.</param>
    /// <param name="required">Whether approving needs a value.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithFulfillmentParameter(string id, string? value = null, bool required = false)
    {
        WithParameter(id, value);
        var param = ModelParts.Find(_request.Params, id)!;
        param.Phase = "fulfillment";
        param.Constraints ??= new Constraints();
        param.Constraints.Required = required;
        return this;
    }

    /// <summary>Sets the error shown on a tier parameter.</summary>
    /// <param name="id">The parameter id; added when missing.</param>
    /// <param name="error">The error text.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder WithParameterError(string id, string error)
    {
        _request.Params ??= [];
        var param = ModelParts.Find(_request.Params, id) ?? ModelParts.SetParameter(_request.Params, id, null);
        param.ValueError = error;
        return this;
    }

    /// <summary>Changes anything else about the request.</summary>
    /// <param name="change">Changes the request being built.</param>
    /// <returns>This builder.</returns>
    public TierConfigRequestBuilder With(Action<TierConfigRequest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_request);
        return this;
    }

    /// <summary>The request: an independent copy of what was built.</summary>
    /// <returns>The request.</returns>
    public TierConfigRequest Build() => ConnectSerializer.Clone(_request);
}
