using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Domain;
using Connect.Emulator.Endpoints;
using Connect.Emulator.Http;
using Connect.Emulator.Store;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// The dashboard's pages, rendered on the server from the store (reads only). Every change the pages offer is made by
/// the page's script through the emulator's own control and public APIs, so the dashboard has no domain logic of its own.
/// </summary>
internal sealed class DashboardPages(EmulatorServices s, ChangeFeed feed)
{
    private const int PageSize = 100;

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task ListAsync(HttpContext c, string path)
    {
        var kind = ListKind.Find(path) ?? throw ApiException.NotFound("Page", path);
        var query = c.Request.Query;
        var status = Choice(query["status"], kind.Statuses);
        var type = Choice(query["type"], kind.Types);
        var products = kind.ProductField is null ? [] : s.Store.All(Collections.Products);
        var product = Choice(query["product"], [.. products.Select(Json.Id)]);
        var key = $"ui|{status}|{type}|{product}";
        var predicate = kind.Predicate(status, type, product);
        var (total, _) = s.Store.Page(kind.Collection, key, predicate, null, 0, 0);
        var offset = Math.Max(0, total - PageSize);
        var (_, page) = s.Store.Page(kind.Collection, key, predicate, null, offset, PageSize);
        var rows = page.Reverse().Select(d => H($"<tr data-id=\"{Json.Id(d)}\">{Join(kind.Cells(d).Select(cell => H($"<td>{cell}</td>")))}</tr>"));

        var filters = H($"""
            <form method="get" class="filters" data-autosubmit>
              <label>Status <select name="status"><option value="">any</option>{Join(kind.Statuses.Select(v => Option(v, v, status)))}</select></label>
              {When(kind.Types.Length > 0, H($"<label>Type <select name=\"type\"><option value=\"\">any</option>{Join(kind.Types.Select(v => Option(v, v, type)))}</select></label>"))}
              {When(kind.ProductField is not null, H($"<label>Product <select name=\"product\"><option value=\"\">any</option>{Join(products.Select(p => Option(Json.Id(p), $"{Json.Str(p, "name")} ({Json.Id(p)})", product)))}</select></label>"))}
              <button type="submit">Filter</button>
            </form>
            """);
        var body = H($"""
            <h1>{kind.Title}</h1>
            {filters}
            <section id="list" data-live>
              <p class="count">{(total > PageSize ? $"Newest {PageSize} of {total}" : $"{total} shown")}, newest first</p>
              <table class="grid">
                <thead><tr>{Join(kind.Headers.Select(h => H($"<th>{h}</th>")))}</tr></thead>
                <tbody>{Join(rows)}</tbody>
              </table>
              {When(total == 0, H($"<p class=\"empty\">Nothing here yet.</p>"))}
            </section>
            """);
        return Layout.WriteAsync(c, StatusCodes.Status200OK, kind.Title, body, current: kind.Path, version: feed.Version);
    }

    public Task DetailAsync(HttpContext c, string path, string id)
    {
        var version = feed.Version;
        var (title, body) = path switch
        {
            "requests" => ("Request " + id, Request(s.Requests.Get(id))),
            "tier-config-requests" => ("Tier config request " + id, TierRequest(s.Tiers.Get(id))),
            "assets" => ("Asset " + id, Asset(s.Store.Get(Collections.Assets, id) ?? throw ApiException.NotFound("Asset", id))),
            "usage-files" => ("Usage file " + id, UsageFile(s.Usage.Get(id))),
            "conversations" => ("Conversation " + id, Conversation(s.Conversations.Get(id))),
            _ => throw ApiException.NotFound("Page", path),
        };
        return Layout.WriteAsync(c, StatusCodes.Status200OK, title, body, current: path, version: version);
    }

    private Markup Request(JsonObject r)
    {
        var id = Json.Id(r);
        var status = Json.Str(r, "status");
        var parameters = Json.Objects(r["asset"]?["params"]).ToList();
        var actions = status == "inquiring"
            ? H($"""
                <h2>Answer the inquiry</h2>
                <p class="hint">Fill in the parameters the vendor asked about; saving moves the request back to <b>pending</b> for the processor.</p>
                <form data-action="fill-params" data-kind="requests" data-id="{id}" class="stack">
                  {Join(parameters.Where(p => Json.Str(p, "phase") == "ordering").Select(ParamInput))}
                  <button type="submit">Save and return to pending</button>
                </form>
                """)
            : Markup.Empty;
        return H($"""
            <h1>Request {id}</h1>
            <section id="detail" data-live>
              <dl class="summary">
                <dt>Status</dt><dd>{Status(status)}</dd>
                <dt>Type</dt><dd>{Json.Str(r, "type")}</dd>
                <dt>Product</dt><dd>{Json.Str(r, "asset.product.name")} ({Json.Str(r, "asset.product.id")})</dd>
                <dt>Asset</dt><dd>{ListKind.Link("assets", Json.Str(r, "asset.id"))} {Status(Json.Str(r, "asset.status"))}</dd>
                <dt>Customer</dt><dd>{Json.Str(r, "asset.tiers.customer.name")} ({Json.Str(r, "asset.tiers.customer.id")})</dd>
                <dt>Tier 1</dt><dd>{Json.Str(r, "asset.tiers.tier1.name") ?? "-"}</dd>
                <dt>Marketplace</dt><dd>{Json.Str(r, "marketplace.name")}</dd>
                <dt>Created</dt><dd>{Json.Str(r, "created")}</dd>
                <dt>Updated</dt><dd>{Json.Str(r, "updated")}</dd>
                {When(Json.Str(r, "reason") is { Length: > 0 }, H($"<dt>Reason</dt><dd>{Json.Str(r, "reason")}</dd>"))}
                {When(Json.Str(r, "activation_key") is { Length: > 0 }, H($"<dt>Activation</dt><dd><pre class=\"wrap\">{Json.Str(r, "activation_key")}</pre></dd>"))}
              </dl>
              <div id="actions">{actions}</div>
              <h2>Items</h2>
              {Items(Json.Objects(r["asset"]?["items"]))}
              <h2>Parameters</h2>
              {Parameters(parameters)}
              {ConversationOf(id)}
              {Audit(id)}
              {Raw(r)}
            </section>
            """);
    }

    private Markup TierRequest(JsonObject r)
    {
        var id = Json.Id(r);
        var status = Json.Str(r, "status");
        var parameters = Json.Objects(r["params"]).ToList();
        var actions = status == "inquiring"
            ? H($"""
                <h2>Answer the inquiry</h2>
                <form data-action="fill-params" data-kind="tier-config-requests" data-id="{id}" class="stack">
                  {Join(parameters.Where(p => Json.Str(p, "phase") == "ordering").Select(ParamInput))}
                  <button type="submit">Save and return to pending</button>
                </form>
                """)
            : Markup.Empty;
        return H($"""
            <h1>Tier config request {id}</h1>
            <section id="detail" data-live>
              <dl class="summary">
                <dt>Status</dt><dd>{Status(status)}</dd>
                <dt>Type</dt><dd>{Json.Str(r, "type")}</dd>
                <dt>Tier config</dt><dd>{Json.Str(r, "configuration.id")} {Status(Json.Str(r, "configuration.status"))}</dd>
                <dt>Product</dt><dd>{Json.Str(r, "configuration.product.name")} ({Json.Str(r, "configuration.product.id")})</dd>
                <dt>Account</dt><dd>{Json.Str(r, "configuration.account.name")} ({Json.Str(r, "configuration.account.id")})</dd>
                <dt>Tier level</dt><dd>{Json.Str(r, "configuration.tier_level")}</dd>
                <dt>Updated</dt><dd>{ListKind.Updated(r)}</dd>
                {When(Json.Str(r, "reason") is { Length: > 0 }, H($"<dt>Reason</dt><dd>{Json.Str(r, "reason")}</dd>"))}
              </dl>
              <div id="actions">{actions}</div>
              <h2>Parameters</h2>
              {Parameters(parameters)}
              {ConversationOf(id)}
              {Audit(id)}
              {Raw(r)}
            </section>
            """);
    }

    private Markup Asset(JsonObject a)
    {
        var id = Json.Id(a);
        var status = Json.Str(a, "status");
        var items = Json.Objects(a["items"]).ToList();
        var open = s.Store.Find(Collections.Requests, Indexes.AssetId, id)
            .FirstOrDefault(r => Catalog.OpenRequestStatuses.Contains(Json.Str(r, "status")));
        Markup actions;
        if (open is not null)
        {
            actions = H($"<p class=\"hint\">Request {ListKind.Link("requests", Json.Id(open))} is open on this asset; the storefront waits for it.</p>");
        }
        else
        {
            var change = status == "active"
                ? H($"""
                    <form data-action="asset-request" data-type="change" data-asset="{id}" class="stack">
                      <h3>Change quantities</h3>
                      {Join(items.Select(i => H($"<label>{Json.Str(i, "display_name")} ({Json.Str(i, "mpn")}) <input type=\"number\" min=\"0\" data-item=\"{Json.Str(i, "mpn")}\" value=\"{Json.Str(i, "quantity")}\"></label>")))}
                      <button type="submit">Request change</button>
                    </form>
                    """)
                : Markup.Empty;
            actions = H($"""
                {change}
                <div class="buttons">
                  {When(status == "active", Button(id, "suspend", "Suspend"))}
                  {When(status == "suspended", Button(id, "resume", "Resume"))}
                  {When(status is "active" or "suspended", Button(id, "cancel", "Cancel subscription"))}
                </div>
                """);
        }

        var requests = s.Requests.AssetRequests(id).Reverse().Select(r => H($"<tr><td>{ListKind.Link("requests", Json.Id(r))}</td><td>{Json.Str(r, "type")}</td><td>{Status(Json.Str(r, "status"))}</td><td>{Json.Str(r, "updated")}</td></tr>"));
        return H($"""
            <h1>Asset {id}</h1>
            <section id="detail" data-live>
              <dl class="summary">
                <dt>Status</dt><dd>{Status(status)}</dd>
                <dt>Product</dt><dd>{Json.Str(a, "product.name")} ({Json.Str(a, "product.id")})</dd>
                <dt>Customer</dt><dd>{Json.Str(a, "tiers.customer.name")} ({Json.Str(a, "tiers.customer.id")})</dd>
                <dt>Tier 1</dt><dd>{Json.Str(a, "tiers.tier1.name") ?? "-"}</dd>
                <dt>External id</dt><dd>{Json.Str(a, "external_id")}</dd>
              </dl>
              <div id="actions"><h2>Storefront actions</h2>{actions}</div>
              <h2>Items</h2>
              {Items(items)}
              <h2>Parameters</h2>
              {Parameters(Json.Objects(a["params"]))}
              <h2>Requests</h2>
              <table class="grid"><thead><tr><th>ID</th><th>Type</th><th>Status</th><th>Updated</th></tr></thead><tbody>{Join(requests)}</tbody></table>
              {Audit(id)}
              {Raw(a)}
            </section>
            """);
    }

    private Markup UsageFile(JsonObject f)
    {
        var id = Json.Id(f);
        return H($"""
            <h1>Usage file {id}</h1>
            <section id="detail" data-live>
              <dl class="summary">
                <dt>Status</dt><dd>{Status(Json.Str(f, "status"))}</dd>
                <dt>Name</dt><dd>{Json.Str(f, "name")}</dd>
                <dt>Product</dt><dd>{Json.Str(f, "product.name")} ({Json.Str(f, "product.id")})</dd>
                <dt>Contract</dt><dd>{Json.Str(f, "contract.id")}</dd>
                <dt>Created</dt><dd>{Json.Str(f, "created_at")}</dd>
                {When(Json.Str(f, "error_details") is { Length: > 0 }, H($"<dt>Errors</dt><dd><pre class=\"wrap\">{Json.Str(f, "error_details")}</pre></dd>"))}
                {When(Json.Str(f, "rejection_note") is { Length: > 0 }, H($"<dt>Rejection</dt><dd>{Json.Str(f, "rejection_note")}</dd>"))}
              </dl>
              {Audit(id)}
              {Raw(f)}
            </section>
            """);
    }

    private Markup Conversation(JsonObject conversation) => H($"""
        <h1>Conversation {Json.Id(conversation)}</h1>
        <section id="detail" data-live>
          <p>{Json.Str(conversation, "topic")}: {ListKind.InstanceLink(Json.Str(conversation, "instance_id"))}</p>
          {Messages(conversation)}
        </section>
        """);

    private Markup ConversationOf(string instanceId) =>
        s.Store.Find(Collections.Conversations, Indexes.InstanceId, instanceId) is [var conversation, ..]
            ? H($"<h2>Conversation <small>{ListKind.Link("conversations", Json.Id(conversation))}</small></h2>{Messages(conversation)}")
            : H($"<h2>Conversation</h2><p class=\"empty\">No conversation yet.</p>");

    private static Markup Messages(JsonObject conversation) => H($"""
        <ol class="messages">
          {Join(Json.Objects(conversation["messages"]).Select(m => H($"<li class=\"message {Json.Str(m, "type")}\"><span class=\"meta\">{Json.Str(m, "created")} · {Json.Str(m, "creator.name") ?? "Connect"}</span> {Json.Str(m, "text")}</li>")))}
        </ol>
        """);

    private Markup Audit(string objectId)
    {
        var entries = s.Store.ReadAudit(objectId, Lists.MaxLimit, 0, out _);
        var rows = entries.Select(e => H($"<tr><td>{e.At}</td><td>{e.Action}</td><td>{e.FromStatus ?? "-"} → {e.ToStatus}</td><td>{e.ApiKeyId}</td></tr>"));
        return H($"""
            <h2>Audit trail</h2>
            <table class="grid audit"><thead><tr><th>At</th><th>Action</th><th>Status</th><th>By</th></tr></thead><tbody>{Join(rows)}</tbody></table>
            """);
    }

    private static Markup Items(IEnumerable<JsonObject> items) => H($"""
        <table class="grid"><thead><tr><th>MPN</th><th>Name</th><th>Quantity</th><th>Old quantity</th></tr></thead>
        <tbody>{Join(items.Select(i => H($"<tr><td>{Json.Str(i, "mpn")}</td><td>{Json.Str(i, "display_name")}</td><td>{Json.Str(i, "quantity")}</td><td>{Json.Str(i, "old_quantity")}</td></tr>")))}</tbody></table>
        """);

    private static Markup Parameters(IEnumerable<JsonObject> parameters) => H($"""
        <table class="grid params"><thead><tr><th>ID</th><th>Title</th><th>Phase</th><th>Value</th><th>Error</th></tr></thead>
        <tbody>{Join(parameters.Select(p => H($"<tr data-param=\"{Json.Id(p)}\"><td>{Json.Id(p)}</td><td>{Json.Str(p, "title")}{When(Connect.Emulator.Documents.Parameters.IsRequired(p), new Markup(" <abbr title=\"required\">*</abbr>"))}</td><td>{Json.Str(p, "phase")}</td><td class=\"value\">{Json.Str(p, "value")}</td><td class=\"error\">{Json.Str(p, "value_error")}</td></tr>")))}</tbody></table>
        """);

    private static Markup ParamInput(JsonObject p) => H($"""
        <label><span>{Json.Str(p, "title") ?? Json.Id(p)}{When(Connect.Emulator.Documents.Parameters.IsRequired(p), new Markup(" <abbr title=\"required\">*</abbr>"))}</span>
          <input name="param-{Json.Id(p)}" data-param="{Json.Id(p)}" value="{Json.Str(p, "value")}">
          {When(Json.Str(p, "value_error") is { Length: > 0 }, H($"<span class=\"error\">{Json.Str(p, "value_error")}</span>"))}
        </label>
        """);

    private static Markup Button(string assetId, string type, string label) => H($"""
        <form data-action="asset-request" data-type="{type}" data-asset="{assetId}" class="inline"><button type="submit">{label}</button></form>
        """);

    private static Markup Raw(JsonObject document) =>
        H($"<details class=\"raw\"><summary>JSON</summary><pre>{document.ToJsonString(Indented)}</pre></details>");

    // Only a known value filters; anything else means "any" (a page never fails on a hand-edited query string).
    private static string? Choice(string? value, string[] allowed) =>
        value is { Length: > 0 } && allowed.Contains(value, StringComparer.Ordinal) ? value : null;
}
