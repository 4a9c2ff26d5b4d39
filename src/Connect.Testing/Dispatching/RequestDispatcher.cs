using System.Globalization;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// Places orders and waits for the processor: <see cref="ProvisionAsync"/> creates a request from a built one
/// (<c>POST /requests</c>, as a storefront would) and polls it until it leaves <c>pending</c>, or fails with
/// <see cref="TimeoutException"/>. It talks to whatever its client points at: the in-process emulator, or real Connect
/// when <c>CONNECT_API_URL</c> and <c>CONNECT_API_KEY</c> are set (<see cref="FromEnvironment(ConnectEmulator, DispatcherOptions?)"/>).
/// </summary>
public sealed class RequestDispatcher : IDisposable
{
    /// <summary>The variable naming the Connect endpoint for end-to-end runs against real Connect.</summary>
    public const string UrlVariable = "CONNECT_API_URL";

    /// <summary>The variable holding the API key for end-to-end runs against real Connect.</summary>
    public const string KeyVariable = "CONNECT_API_KEY";

    private readonly DispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _ownsClient;

    /// <summary>Creates a dispatcher over a client.</summary>
    /// <param name="client">The client orders are placed with (not disposed by the dispatcher).</param>
    /// <param name="options">Timeout and polling; defaults when omitted.</param>
    /// <param name="timeProvider">Clock for the polling delays and the timeout.</param>
    public RequestDispatcher(ConnectClient client, DispatcherOptions? options = null, TimeProvider? timeProvider = null)
        : this(client, options, timeProvider, ownsClient: false)
    {
    }

    private RequestDispatcher(ConnectClient client, DispatcherOptions? options, TimeProvider? timeProvider, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new DispatcherOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        Client = client;
        _ownsClient = ownsClient;
    }

    /// <summary>The client orders are placed with.</summary>
    public ConnectClient Client { get; }

    /// <summary>True when the dispatcher talks to an endpoint named by <c>CONNECT_API_URL</c> rather than the emulator.</summary>
    public bool IsExternal => _ownsClient;

    /// <summary>
    /// A dispatcher for real Connect when <c>CONNECT_API_URL</c> and <c>CONNECT_API_KEY</c> are both set, else for the
    /// emulator.
    /// </summary>
    /// <param name="emulator">The emulator to use when the variables are not set.</param>
    /// <param name="options">Timeout and polling.</param>
    /// <returns>The dispatcher; dispose it.</returns>
    public static RequestDispatcher FromEnvironment(ConnectEmulator emulator, DispatcherOptions? options = null) =>
        FromEnvironment(emulator, Environment.GetEnvironmentVariable, options);

    /// <summary>As <see cref="FromEnvironment(ConnectEmulator, DispatcherOptions?)"/>, reading variables through <paramref name="getVariable"/>.</summary>
    /// <param name="emulator">The emulator to use when the variables are not set.</param>
    /// <param name="getVariable">Reads a variable.</param>
    /// <param name="options">Timeout and polling.</param>
    /// <returns>The dispatcher; dispose it.</returns>
    public static RequestDispatcher FromEnvironment(ConnectEmulator emulator, Func<string, string?> getVariable, DispatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(getVariable);
        var url = getVariable(UrlVariable);
        var key = getVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(key))
        {
            return new RequestDispatcher(emulator.Client, options);
        }

        var client = new ConnectClient(new ConnectClientOptions { Endpoint = url, ApiKey = key });
        return new RequestDispatcher(client, options, null, ownsClient: true);
    }

    /// <summary>Places an order built with <see cref="Requests"/>: <c>POST /requests</c> with the parts a storefront sends.</summary>
    /// <param name="order">
    /// The built request. A purchase sends its product, connection, marketplace, tiers, items (by MPN) and the
    /// ordering parameters that have values; other types send the asset id (and, for a change, the items).
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as created (with the id the server gave it).</returns>
    public Task<FulfillmentRequest> PlaceAsync(FulfillmentRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Client.Requests.CreateAsync(OrderBody(order), cancellationToken);
    }

    /// <summary>Reads the request until its status is not one of <see cref="DispatcherOptions.WaitWhile"/>.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request as it was when it left the waiting statuses.</returns>
    /// <exception cref="TimeoutException">It was still waiting after <see cref="DispatcherOptions.Timeout"/>; the message names its status.</exception>
    public async Task<FulfillmentRequest> WaitAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var started = _time.GetTimestamp();
        var reads = 0;
        while (true)
        {
            var request = await Client.Requests.GetAsync(requestId, cancellationToken).ConfigureAwait(false);
            reads++;
            if (request.Status is null || !_options.WaitWhile.Contains(request.Status))
            {
                return request;
            }

            if (_time.GetElapsedTime(started) >= _options.Timeout)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Request {requestId} is still {request.Status} after {_options.Timeout.TotalSeconds:0.###} s ({reads} reads): is the processor running, and does it handle product {request.Asset?.Product?.Id}?"));
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Places the order and waits until the processor has handled it (the Python library's <c>provision_request</c>).</summary>
    /// <param name="order">The built request.</param>
    /// <param name="cancellationToken">Cancels the call and the wait.</param>
    /// <returns>The request once it left the waiting statuses.</returns>
    /// <exception cref="TimeoutException">It was not handled in time.</exception>
    public async Task<FulfillmentRequest> ProvisionAsync(FulfillmentRequest order, CancellationToken cancellationToken = default)
    {
        var created = await PlaceAsync(order, cancellationToken).ConfigureAwait(false);
        return await WaitAsync(created.Id!, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient)
        {
            Client.Dispose();
        }
    }

    /// <summary>The part of a built request a storefront sends to create it (contract/api-contract.md section 5.1).</summary>
    internal static FulfillmentRequest OrderBody(FulfillmentRequest order)
    {
        var type = order.Type ?? RequestType.Purchase;
        var source = order.Asset ?? throw new ArgumentException("The order has no asset.", nameof(order));
        if (type != RequestType.Purchase)
        {
            var assetOnly = new Asset { Id = source.Id ?? throw new ArgumentException($"A {type} order needs the asset id.", nameof(order)) };
            if (type == RequestType.Change)
            {
                assetOnly.Items = [.. (source.Items ?? []).Select(ItemReference)];
            }

            return new FulfillmentRequest { Type = type, Asset = assetOnly };
        }

        var asset = new Asset
        {
            ExternalId = source.ExternalId,
            ExternalUid = source.ExternalUid,
            Product = source.Product?.Id is { } productId ? new Product { Id = productId } : null,
            Connection = source.Connection?.Id is { } connectionId ? new Connection { Id = connectionId } : null,
            Items = [.. (source.Items ?? []).Select(ItemReference)],
            Params = [.. (source.Params ?? [])
                .Where(p => p.Phase is null or "ordering" && !string.IsNullOrEmpty(p.Value))
                .Select(p => new Param { Id = p.Id, Value = p.Value })],
            Tiers = source.Tiers,
        };
        return new FulfillmentRequest
        {
            Type = type,
            Asset = asset,
            Marketplace = order.Marketplace?.Id is { } marketplaceId ? new Marketplace { Id = marketplaceId } : null,
        };
    }

    private static Item ItemReference(Item item) => item.Mpn is { Length: > 0 } mpn
        ? new Item { Mpn = mpn, Quantity = item.Quantity }
        : new Item { Id = item.Id, GlobalId = item.GlobalId, Quantity = item.Quantity };
}
