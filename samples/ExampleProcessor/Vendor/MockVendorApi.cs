using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExampleProcessor.Vendor;

/// <summary>
/// The vendor's own system, mocked like the Python Processor SDK template's Apiary "vendorexample": subscriptions (create, change, suspend,
/// resume, cancel) and reseller accounts, kept in memory and served over HTTP on 127.0.0.1 (port 0 by default).
/// A create call may carry an <c>Idempotency-Key</c> header (the handlers send the Connect request id): a second create
/// with the same key answers with the subscription the first one made (<c>Idempotent-Replayed: true</c>), and the mock
/// counts the create calls per key, which is how the replica tests see a request that reached the vendor twice.
/// Tenant names the vendor reserves (<c>admin</c>, <c>www</c>, <c>root</c>) are refused with 409, which the example
/// handlers turn into a failed request with the vendor's reason.
/// </summary>
public sealed class MockVendorApi : IAsyncDisposable
{
    private static readonly string[] ReservedTenants = ["admin", "www", "root"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _resellers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _createCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Lock _idempotencyGate = new();

    private MockVendorApi(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>Calls served so far, as <c>METHOD path</c> (for tests).</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>
    /// The create calls (<c>POST /subscriptions</c> with an <c>Idempotency-Key</c> header) per key, replays included:
    /// more than one for a key means the vendor was asked twice to create the subscription of one request.
    /// </summary>
    /// <returns>Calls per idempotency key.</returns>
    public IReadOnlyDictionary<string, int> CreateCalls() =>
        _createCalls.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);

    /// <summary>When each create call with an idempotency key arrived (UTC).</summary>
    /// <returns>The arrival times, in no particular order.</returns>
    public IReadOnlyList<DateTimeOffset> CreateCallTimes() => [.. _createCalls.Values.SelectMany(q => q)];

    /// <summary>How many subscriptions were created for an idempotency key (1 at most: a repeated key is a replay).</summary>
    /// <param name="idempotencyKey">The key, e.g. a request id.</param>
    /// <returns>The count.</returns>
    public int SubscriptionsFor(string idempotencyKey) =>
        _subscriptions.Values.Count(s => s["idempotency_key"]?.GetValue<string>() == idempotencyKey);

    /// <summary>How long a create call takes (default none): a slow vendor, for tests that stop a processor mid-call.</summary>
    public TimeSpan CreateDelay { get; set; }

    /// <summary>A subscription's current document, or null.</summary>
    /// <param name="id">Subscription id.</param>
    /// <returns>A copy of the document.</returns>
    public JsonObject? Subscription(string id) => _subscriptions.TryGetValue(id, out var s) ? (JsonObject)s.DeepClone() : null;

    /// <summary>Copies of all subscriptions.</summary>
    /// <returns>The subscriptions, in no particular order.</returns>
    public IReadOnlyList<JsonObject> Subscriptions() => [.. _subscriptions.Values.Select(s => (JsonObject)s.DeepClone())];

    /// <summary>Starts the mock on 127.0.0.1.</summary>
    /// <param name="port">Port; 0 picks a free one.</param>
    /// <returns>The running mock.</returns>
    public static async Task<MockVendorApi> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var api = new MockVendorApi(app, new Uri("http://127.0.0.1/"));
        api.Map(app.MapGroup("/v1"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseUrl = new Uri(address.TrimEnd('/') + "/v1/");
        return api;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(RouteGroupBuilder v1)
    {
        v1.AddEndpointFilter(async (context, next) =>
        {
            Calls.Enqueue($"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}");
            return await next(context);
        });

        v1.MapPost("/subscriptions", async (HttpRequest request, HttpResponse response) =>
        {
            var body = await ReadAsync(request);
            if (CreateDelay > TimeSpan.Zero)
            {
                await Task.Delay(CreateDelay);
            }

            var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
            if (!string.IsNullOrEmpty(idempotencyKey) && body["id"] is null)
            {
                // A create with a key already used is a replay: the subscription made the first time, not a second one.
                _createCalls.GetOrAdd(idempotencyKey, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(DateTimeOffset.UtcNow);
                lock (_idempotencyGate)
                {
                    if (_byIdempotencyKey.TryGetValue(idempotencyKey, out var replayed))
                    {
                        response.Headers["Idempotent-Replayed"] = "true";
                        return Results.Json(_subscriptions[replayed].DeepClone());
                    }

                    var created = Create(body);
                    if (created.Subscription is { } subscription)
                    {
                        subscription["idempotency_key"] = idempotencyKey;
                        _byIdempotencyKey[idempotencyKey] = subscription["id"]!.GetValue<string>();
                    }

                    return created.Result;
                }
            }

            return Create(body).Result;
        });

        // The subscriptions created with an idempotency key: what a handler asks before creating one again.
        v1.MapGet("/subscriptions", ([FromQuery(Name = "idempotency_key")] string? key) =>
        {
            lock (_idempotencyGate)
            {
                return Results.Json(key is not null && _byIdempotencyKey.TryGetValue(key, out var id)
                    ? new JsonArray(_subscriptions[id].DeepClone())
                    : new JsonArray());
            }
        });

        v1.MapGet("/subscriptions/{id}", (string id) =>
            _subscriptions.TryGetValue(id, out var s) ? Results.Json(s) : Error(404, $"Subscription {id} does not exist."));

        v1.MapPost("/subscriptions/{id}/change", async (string id, HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            return Transition(id, ["active"], "active", s => s["items"] = body["items"]?.DeepClone() ?? new JsonArray());
        });
        v1.MapPost("/subscriptions/{id}/suspend", (string id) => Transition(id, ["active"], "suspended", null));
        v1.MapPost("/subscriptions/{id}/resume", (string id) => Transition(id, ["suspended"], "active", null));
        v1.MapPost("/subscriptions/{id}/cancel", (string id) => Transition(id, ["active", "suspended"], "cancelled", null));

        v1.MapPost("/resellers", async (HttpRequest request) =>
        {
            var body = await ReadAsync(request);
            var reseller = new JsonObject
            {
                ["name"] = body["name"]?.DeepClone(),
                ["partner_number"] = body["partner_number"]?.DeepClone(),
                ["connect_account_id"] = body["connect_account_id"]?.DeepClone(),
            };
            string id;
            do
            {
                id = NewId("RES");
                reseller["id"] = id;
            }
            while (!_resellers.TryAdd(id, reseller));

            return Results.Json(reseller, statusCode: 201);
        });
    }

    /// <summary>Creates (or imports, when the body has an id) a subscription.</summary>
    private (IResult Result, JsonObject? Subscription) Create(JsonObject body)
    {
        var tenant = body["tenant"]?.GetValue<string>() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return (Error(400, "tenant is required."), null);
        }

        if (ReservedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            return (Error(409, $"The tenant name '{tenant}' is reserved by the vendor; choose another one."), null);
        }

        // Import (a subscription Connect already has) keeps its id; a new one gets a fresh id.
        var imported = body["id"]?.GetValue<string>();
        var subscription = new JsonObject
        {
            ["id"] = imported,
            ["tenant"] = tenant,
            ["admin_email"] = body["admin_email"]?.DeepClone(),
            ["items"] = body["items"]?.DeepClone() ?? new JsonArray(),
            ["status"] = body["status"]?.GetValue<string>() ?? "active",
            ["reseller_id"] = body["reseller_id"]?.DeepClone(),
        };
        if (imported is not null)
        {
            // Importing is idempotent: a second import of the same id answers with the subscription already held.
            return _subscriptions.TryAdd(imported, subscription)
                ? (Results.Json(subscription, statusCode: 201), subscription)
                : (Results.Json(_subscriptions[imported].DeepClone()), null);
        }

        // The mock lives for one run but Connect keeps the ids it handed out before (imported or not, e.g. of
        // cancelled assets): a random id never meets one of them, and TryAdd rules out a clash within the run.
        string id;
        do
        {
            id = NewId("SUB");
            subscription["id"] = id;
        }
        while (!_subscriptions.TryAdd(id, subscription));

        return (Results.Json(subscription, statusCode: 201), subscription);
    }

    private IResult Transition(string id, string[] from, string to, Action<JsonObject>? change)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return Error(404, $"Subscription {id} does not exist.");
        }

        lock (subscription)
        {
            var status = subscription["status"]!.GetValue<string>();
            if (!from.Contains(status))
            {
                return Error(409, $"Subscription {id} is {status}; cannot become {to}.");
            }

            subscription["status"] = to;
            change?.Invoke(subscription);
            return Results.Json(subscription.DeepClone());
        }
    }

    /// <summary>An id that is not repeated across runs: the prefix and 12 random hexadecimal digits (48 bits).</summary>
    private static string NewId(string prefix) =>
        $"{prefix}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    private static async Task<JsonObject> ReadAsync(HttpRequest request) =>
        request.ContentLength is 0 ? [] : await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];

    private static IResult Error(int status, string message) => Results.Json(new JsonObject { ["error"] = message }, statusCode: status);
}
