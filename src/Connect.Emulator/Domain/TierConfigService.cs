using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>Reading, creating and editing tier config requests, and reading tier configs.</summary>
internal sealed class TierConfigService(DocumentStore store, Clock clock)
{
    private static readonly string[] Editable = ["draft", "pending", "inquiring"];

    public JsonObject Get(string id) =>
        store.Get(Collections.TierConfigRequests, id) ?? throw DomainException.NotFound("Tier config request", id);

    public JsonObject GetConfig(string id) =>
        store.Get(Collections.TierConfigs, id) ?? throw DomainException.NotFound("Tier config", id);

    public JsonObject Create(JsonObject body, Caller caller) => store.Write(w =>
    {
        var now = clock.Now();
        var configuration = body["configuration"] as JsonObject ?? throw DomainException.Invalid("configuration: This field is required.");
        var status = Json.Text(body, "status") == "draft" ? "draft" : "pending";
        if (Json.Str(configuration, "id") is { } configId)
        {
            var config = w.Get(Collections.TierConfigs, configId)
                ?? throw DomainException.Refused(ErrorCodes.TierCreate, $"Tier config {configId} does not exist.");
            if (Json.Str(config, "open_request.id") is { } open)
            {
                throw DomainException.Refused(ErrorCodes.TierCreate, $"Tier config {configId} already has an open request {open}.");
            }

            var type = Json.Str(config, "status") == "active" ? (Json.Text(body, "type") ?? "update") : "setup";
            var request = TierSetup.NewRequest(w, config, type, status, now);
            MergeParameters(request, body, Json.Id(request));
            if (body.ContainsKey("notes"))
            {
                request["notes"] = Json.Text(body, "notes") ?? string.Empty;
            }

            var updatedConfig = Json.Clone(config);
            updatedConfig["open_request"] = new JsonObject { ["id"] = Json.Id(request) };
            w.Put(Collections.TierConfigs, updatedConfig);
            w.Put(Collections.TierConfigRequests, request);
            w.Audit(Collections.TierConfigRequests, Json.Id(request), null, status, "create", now, caller.ApiKeyId);
            ConversationService.Ensure(w, Json.Id(request), status);
            return request;
        }

        var product = Catalog.Product(w, Json.Str(configuration, "product.id"));
        var level = configuration["tier_level"] is JsonValue v && v.TryGetValue<int>(out var l) ? l : 1;
        if (level < 1 || level > 2)
        {
            throw DomainException.Invalid("configuration.tier_level: Must be 1 or 2.");
        }

        var account = Accounts.ResolveTier(w, configuration["account"], $"tier{level}")
            ?? throw DomainException.Invalid("configuration.account: This field is required.");
        if (TierSetup.FindConfig(w, Json.Id(product), Json.Id(account), level) is { } existing)
        {
            throw DomainException.Refused(ErrorCodes.TierCreate,
                $"Tier config {Json.Id(existing)} already exists for account {Json.Id(account)} and product {Json.Id(product)}.");
        }

        var template = new JsonObject
        {
            ["connection"] = Accounts.Connection(w, Json.Id(product), Json.Str(configuration, "connection.id")),
        };
        var marketplace = Accounts.Marketplace(w, Json.Id(product), Json.Str(configuration, "marketplace.id"));
        template["marketplace"] = Accounts.MarketplaceRef(marketplace);
        template["contract"] = Accounts.ContractRef(w, Json.Id(product), Json.Id(marketplace));
        var (_, created) = TierSetup.CreateSetup(w, product, account, level, template, status, caller, now);
        MergeParameters(created, body, Json.Id(created));
        w.Put(Collections.TierConfigRequests, created);
        return created;
    });

    public JsonObject Update(string id, JsonObject body, Caller caller) => store.Write(w =>
    {
        var current = w.Get(Collections.TierConfigRequests, id) ?? throw DomainException.NotFound("Tier config request", id);
        var status = Json.Str(current, "status");
        if (!Editable.Contains(status))
        {
            throw DomainException.Refused(ErrorCodes.TierNotEditable, $"Tier config request {id} is in status {status} and cannot be updated.");
        }

        var request = Json.Clone(current);
        MergeParameters(request, body, id);
        if (body.ContainsKey("notes"))
        {
            request["notes"] = Json.Text(body, "notes") ?? string.Empty;
        }

        request["events"] ??= new JsonObject();
        request["events"]!["updated"] = EventStamp.At(clock.Now(), caller);
        w.Put(Collections.TierConfigRequests, request);
        return request;
    });

    private static void MergeParameters(JsonObject request, JsonObject body, string requestId) =>
        ParameterMerge.Apply(body["params"], request["params"], "params", ErrorCodes.TierUnknownParameter, $"tier config request {requestId}");
}
