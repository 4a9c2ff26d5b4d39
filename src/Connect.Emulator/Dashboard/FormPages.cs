using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Domain;
using Connect.Emulator.Endpoints;
using Connect.Emulator.Store;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// The storefront forms: a purchase, a tier config request and a usage file upload. The forms only collect input; the
/// page's script sends it to the control API (<c>POST /emulator/v1/requests</c>) or the public API.
/// </summary>
internal sealed class FormPages(EmulatorServices s)
{
    public Task PurchaseAsync(HttpContext c)
    {
        var products = s.Store.All(Collections.Products);
        var product = Pick(products, c.Request.Query["product"]);
        var body = product is null ? NoProducts("New purchase") : PurchaseForm(products, product);
        return Layout.WriteAsync(c, StatusCodes.Status200OK, "New purchase", body, current: "new/purchase");
    }

    public Task TierRequestAsync(HttpContext c)
    {
        var products = s.Store.All(Collections.Products).Where(p => Catalog.TierLevel(p) >= 1).ToList();
        var product = Pick(products, c.Request.Query["product"]);
        var body = product is null ? NoProducts("New tier config request") : TierForm(products, product);
        return Layout.WriteAsync(c, StatusCodes.Status200OK, "New tier config request", body, current: "new/tier-config-request");
    }

    public Task UsageFileAsync(HttpContext c)
    {
        var products = s.Store.All(Collections.Products).Where(p => Json.Str(p, "capabilities.ppu.schema") is not null).ToList();
        var product = Pick(products, c.Request.Query["product"]);
        var body = product is null ? NoProducts("Upload a usage file") : UsageForm(products, product);
        return Layout.WriteAsync(c, StatusCodes.Status200OK, "Upload a usage file", body, current: "new/usage-file");
    }

    private Markup PurchaseForm(IReadOnlyList<JsonObject> products, JsonObject product)
    {
        var productId = Json.Id(product);
        var accounts = s.Store.All(Collections.TierAccounts);
        var items = s.Store.All(Collections.Items).Where(i => Json.Str(i, "product.id") == productId).ToList();
        var firstReservation = items.FirstOrDefault(i => Json.Str(i, "type") != "ppu") ?? items.FirstOrDefault();
        var parameters = s.Store.All(Collections.Parameters)
            .Where(p => Json.Str(p, "product.id") == productId && Json.Str(p, "scope") == "asset" && Json.Str(p, "phase") == "ordering")
            .OrderBy(p => p["position"]?.GetValue<int>() ?? 0);
        var tier1 = Catalog.TierLevel(product) >= 1
            ? H($"""<label>Tier 1 (reseller) <select name="tier1_id"><option value="">none</option>{Join(accounts.Where(a => Json.Str(a, "type") == "reseller").Select(a => Option(Json.Id(a), $"{Json.Str(a, "name")} ({Json.Id(a)})", null)))}</select></label>""")
            : Markup.Empty;
        return H($"""
            <h1>New purchase</h1>
            <p class="hint">Creates a purchase request as a marketplace would (<code>POST /emulator/v1/requests</code>). Leave a required
               ordering parameter empty to watch the processor ask for it (status <b>inquiring</b>).</p>
            {ProductPicker(products, productId)}
            <form data-action="purchase" class="stack" id="purchase-form">
              <input type="hidden" name="product_id" value="{productId}">
              <label>Customer <select name="customer_id">{Join(accounts.Where(a => Json.Str(a, "type") == "customer").Select(a => Option(Json.Id(a), $"{Json.Str(a, "name")} ({Json.Id(a)})", null)))}</select></label>
              {tier1}
              <fieldset><legend>Items</legend>
                {Join(items.Select(i => H($"<label>{Json.Str(i, "display_name") ?? Json.Str(i, "name")} ({Json.Str(i, "mpn")}, {Json.Str(i, "type")}) <input type=\"number\" min=\"0\" data-item=\"{Json.Str(i, "mpn")}\" value=\"{(ReferenceEquals(i, firstReservation) ? "1" : "0")}\"></label>")))}
              </fieldset>
              <fieldset><legend>Ordering parameters</legend>
                {Join(parameters.Select(p => H($"<label><span>{Json.Str(p, "title")}{When(Parameters.IsRequired(p), new Markup(" <abbr title=\"required\">*</abbr>"))}</span> <input name=\"param-{Json.Str(p, "name")}\" data-param=\"{Json.Str(p, "name")}\" placeholder=\"{Json.Str(p, "description")}\"></label>")))}
              </fieldset>
              <button type="submit">Create purchase</button>
            </form>
            """);
    }

    private Markup TierForm(IReadOnlyList<JsonObject> products, JsonObject product)
    {
        var productId = Json.Id(product);
        var configs = s.Store.All(Collections.TierConfigs).Where(tc => Json.Str(tc, "product.id") == productId).ToList();
        var configured = configs.Select(tc => Json.Str(tc, "account.id")).ToHashSet(StringComparer.Ordinal);
        var accounts = s.Store.All(Collections.TierAccounts).Where(a => !configured.Contains(Json.Id(a)));
        var parameters = s.Store.All(Collections.Parameters)
            .Where(p => Json.Str(p, "product.id") == productId && Json.Str(p, "scope") == "tier1" && Json.Str(p, "phase") == "ordering")
            .OrderBy(p => p["position"]?.GetValue<int>() ?? 0);
        var updates = configs.Select(tc => Option(
            "config:" + Json.Id(tc),
            $"{Json.Str(tc, "account.name")} ({Json.Id(tc)}, {Json.Str(tc, "status")}{(Json.Str(tc, "open_request.id") is { } open ? ", open request " + open : string.Empty)})",
            null));
        var setups = accounts.Select(a => Option("account:" + Json.Id(a), $"{Json.Str(a, "name")} ({Json.Id(a)}, {Json.Str(a, "type")})", null));
        return H($"""
            <h1>New tier config request</h1>
            <p class="hint">Asks for a tier 1 configuration as a distributor would (<code>POST /public/v1/tier/config-requests</code>):
               an update of an existing tier config, or the setup of one for an account that has none.</p>
            {ProductPicker(products, productId)}
            <form data-action="tier-request" class="stack">
              <input type="hidden" name="product_id" value="{productId}">
              <label>Tier config or account <select name="target">
                <optgroup label="Update a tier config">{Join(updates)}</optgroup>
                <optgroup label="Set up a new tier config">{Join(setups)}</optgroup>
              </select></label>
              <fieldset><legend>Ordering parameters</legend>
                {Join(parameters.Select(p => H($"<label>{Json.Str(p, "title")} <input name=\"param-{Json.Str(p, "name")}\" data-param=\"{Json.Str(p, "name")}\"></label>")))}
              </fieldset>
              <button type="submit">Create tier config request</button>
            </form>
            """);
    }

    private Markup UsageForm(IReadOnlyList<JsonObject> products, JsonObject product)
    {
        var productId = Json.Id(product);
        var contracts = s.Store.All(Collections.Listings)
            .Where(l => Json.Str(l, "product.id") == productId && Json.Str(l, "status") == "listed" && Json.Str(l, "contract.id") is not null)
            .Select(l => (Id: Json.Str(l, "contract.id")!, Name: Json.Str(l, "contract.name") ?? string.Empty))
            .DistinctBy(x => x.Id);
        return H($"""
            <h1>Upload a usage file</h1>
            <p class="hint">Creates a usage file (<code>POST /public/v1/usage/files</code>) and uploads the spreadsheet to it
               (<code>POST /public/v1/usage/files/{new Markup("{id}")}/upload</code>). Start from the
               <a href="/files/usage/templates/{productId}.xlsx">usage template of {productId}</a>.</p>
            {ProductPicker(products, productId)}
            <form data-action="usage-upload" class="stack">
              <input type="hidden" name="product_id" value="{productId}">
              <label>Contract <select name="contract_id">{Join(contracts.Select(x => Option(x.Id, $"{x.Name} ({x.Id})", null)))}</select></label>
              <label>Name <input name="name" value="Usage {s.Clock.Now()[..10]}" required></label>
              <label>Spreadsheet (.xlsx) <input type="file" name="usage_file" accept=".xlsx" required></label>
              <button type="submit">Create and upload</button>
            </form>
            """);
    }

    private static Markup ProductPicker(IEnumerable<JsonObject> products, string current) => H($"""
        <form method="get" class="filters" data-autosubmit>
          <label>Product <select name="product">{Join(products.Select(p => Option(Json.Id(p), $"{Json.Str(p, "name")} ({Json.Id(p)})", current)))}</select></label>
          <noscript><button type="submit">Choose</button></noscript>
        </form>
        """);

    private static Markup NoProducts(string title) => H($"<h1>{title}</h1><p class=\"empty\">The emulator has no product for this (start it with <code>--seed demo</code>).</p>");

    private static JsonObject? Pick(IEnumerable<JsonObject> products, string? id) =>
        products.FirstOrDefault(p => Json.Id(p) == id) ?? products.FirstOrDefault();
}
