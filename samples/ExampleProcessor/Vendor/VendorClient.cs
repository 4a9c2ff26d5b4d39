using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ExampleProcessor.Vendor;

/// <summary>The vendor API refused a call; <see cref="Exception.Message"/> is the vendor's reason.</summary>
public sealed class VendorApiException(int status, string message) : Exception(message)
{
    /// <summary>HTTP status of the refusal (4xx).</summary>
    public int Status { get; } = status;
}

/// <summary>Client of the vendor API (typed <see cref="HttpClient"/>, base address = the vendor API's <c>/v1/</c>).</summary>
public sealed class VendorClient(HttpClient http)
{
    /// <summary>
    /// Creates a subscription. With <paramref name="idempotencyKey"/> (the Connect request id) a repeated call, by another
    /// replica or after a crash, gets the subscription the first call created instead of a second one.
    /// </summary>
    public Task<JsonObject> CreateSubscriptionAsync(
        string tenant, string? adminEmail, IEnumerable<(string Mpn, decimal Quantity)> items, string? resellerId, CancellationToken cancellationToken,
        string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "subscriptions", new JsonObject
        {
            ["tenant"] = tenant,
            ["admin_email"] = adminEmail,
            ["reseller_id"] = resellerId,
            ["items"] = Items(items),
        }, cancellationToken, idempotencyKey);

    /// <summary>The subscription created with this idempotency key, or null when there is none yet.</summary>
    public async Task<JsonObject?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "subscriptions?idempotency_key=" + Uri.EscapeDataString(idempotencyKey));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var found = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken) ?? [];
        return found.Count == 0 ? null : found[0]!.AsObject();
    }

    /// <summary>The subscription, or null when the vendor does not know it.</summary>
    public async Task<JsonObject?> FindSubscriptionAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, $"subscriptions/{Uri.EscapeDataString(id)}", null, cancellationToken);
        }
        catch (VendorApiException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    public Task<JsonObject> ImportSubscriptionAsync(string id, string tenant, string status, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "subscriptions", new JsonObject { ["id"] = id, ["tenant"] = tenant, ["status"] = status }, cancellationToken);

    public Task<JsonObject> ChangeSubscriptionAsync(string id, IEnumerable<(string Mpn, decimal Quantity)> items, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(id)}/change", new JsonObject { ["items"] = Items(items) }, cancellationToken);

    public Task<JsonObject> SuspendSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(id)}/suspend", null, cancellationToken);

    public Task<JsonObject> ResumeSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(id)}/resume", null, cancellationToken);

    public Task<JsonObject> CancelSubscriptionAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"subscriptions/{Uri.EscapeDataString(id)}/cancel", null, cancellationToken);

    public Task<JsonObject> CreateResellerAsync(string name, string? partnerNumber, string connectAccountId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "resellers", new JsonObject { ["name"] = name, ["partner_number"] = partnerNumber, ["connect_account_id"] = connectAccountId }, cancellationToken);

    private static JsonArray Items(IEnumerable<(string Mpn, decimal Quantity)> items) =>
        [.. items.Select(i => (JsonNode)new JsonObject { ["mpn"] = i.Mpn, ["quantity"] = i.Quantity })];

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            throw new VendorApiException((int)response.StatusCode, json["error"]?.GetValue<string>() ?? response.ReasonPhrase ?? "refused");
        }

        // 5xx: the vendor is down; an unexpected failure, retried on the next run.
        response.EnsureSuccessStatusCode();
        return json;
    }
}
