using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Domain;
using Connect.Emulator.Store;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Dashboard;

/// <summary>One list of the dashboard: its collection, the filter choices it offers and how a row renders.</summary>
internal sealed record ListKind(
    string Path,
    string Title,
    string Collection,
    string[] Statuses,
    string[] Types,
    string? TypeField,
    string? ProductField,
    string[] Headers,
    Func<JsonObject, Markup[]> Cells)
{
    public static readonly ListKind[] All =
    [
        new("requests", "Requests", Collections.Requests,
            ["draft", "tiers_setup", "pending", "inquiring", "approved", "failed", "scheduled", "revoking", "revoked"],
            ["purchase", "change", "suspend", "resume", "cancel"], "type", "asset.product.id",
            ["ID", "Type", "Status", "Product", "Customer", "Asset", "Updated"],
            r =>
            [
                Link("requests", Json.Id(r)), H($"{Json.Str(r, "type")}"), Status(Json.Str(r, "status")),
                H($"{Json.Str(r, "asset.product.name")}"), H($"{Json.Str(r, "asset.tiers.customer.name")}"),
                Link("assets", Json.Str(r, "asset.id")), H($"{Updated(r)}"),
            ]),
        new("tier-config-requests", "Tier config requests", Collections.TierConfigRequests,
            ["draft", "pending", "inquiring", "approved", "failed"], ["setup", "update"], "type", "configuration.product.id",
            ["ID", "Type", "Status", "Product", "Account", "Tier", "Updated"],
            r =>
            [
                Link("tier-config-requests", Json.Id(r)), H($"{Json.Str(r, "type")}"), Status(Json.Str(r, "status")),
                H($"{Json.Str(r, "configuration.product.name")}"), H($"{Json.Str(r, "configuration.account.name")}"),
                H($"{Json.Str(r, "configuration.tier_level")}"), H($"{Updated(r)}"),
            ]),
        new("assets", "Assets", Collections.Assets, ["processing", "active", "suspended", "terminated"], [], null, "product.id",
            ["ID", "Status", "Product", "Customer", "Items", "Updated"],
            a =>
            [
                Link("assets", Json.Id(a)), Status(Json.Str(a, "status")), H($"{Json.Str(a, "product.name")}"),
                H($"{Json.Str(a, "tiers.customer.name")}"),
                H($"{string.Join(", ", Json.Objects(a["items"]).Where(i => Json.Str(i, "quantity") is not (null or "0")).Select(i => $"{Json.Str(i, "mpn")} x {Json.Str(i, "quantity")}"))}"),
                H($"{Updated(a)}"),
            ]),
        new("usage-files", "Usage files", Collections.UsageFiles,
            ["draft", "ready", "invalid", "pending", "accepted", "rejected", "closed", "deleted"], [], null, "product.id",
            ["ID", "Name", "Status", "Product", "Contract", "Valid records", "Created"],
            f =>
            [
                Link("usage-files", Json.Id(f)), H($"{Json.Str(f, "name")}"), Status(Json.Str(f, "status")),
                H($"{Json.Str(f, "product.name")}"), H($"{Json.Str(f, "contract.id")}"),
                H($"{Json.Str(f, "records.valid") ?? "-"}"), H($"{Json.Str(f, "created_at")}"),
            ]),
        new("conversations", "Conversations", Collections.Conversations, ["open", "closed"], [], null, null,
            ["ID", "Topic", "Object", "Messages", "Last message"],
            c =>
            [
                Link("conversations", Json.Id(c)), H($"{Json.Str(c, "topic")}"), InstanceLink(Json.Str(c, "instance_id")),
                H($"{Json.Array(c["messages"]).Count}"), H($"{Json.Str(Json.Objects(c["messages"]).LastOrDefault(), "text")}"),
            ]),
    ];

    public static ListKind? Find(string path) => All.FirstOrDefault(k => k.Path == path);

    /// <summary>The filter as a predicate over documents.</summary>
    public Func<JsonObject, bool> Predicate(string? status, string? type, string? product) => d =>
        (status is null || Json.Str(d, "status") == status)
        && (type is null || TypeField is null || Json.Str(d, TypeField) == type)
        && (product is null || ProductField is null || Json.Str(d, ProductField) == product);

    public static Markup Link(string kind, string? id) =>
        string.IsNullOrEmpty(id) ? Markup.Empty : H($"<a href=\"{DashboardGate.Prefix}/{kind}/{id}\">{id}</a>");

    public static Markup InstanceLink(string? id) =>
        id is null ? Markup.Empty : Link(id.StartsWith("TCR-", StringComparison.Ordinal) ? "tier-config-requests" : "requests", id);

    public static string Updated(JsonObject d) =>
        Json.Str(d, "updated") ?? Json.Str(d, "events.updated.at") ?? Json.Str(d, "created") ?? Json.Str(d, "events.created.at") ?? string.Empty;
}
