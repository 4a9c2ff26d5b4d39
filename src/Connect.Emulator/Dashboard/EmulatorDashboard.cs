using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Connect.Emulator.Endpoints;
using Connect.Emulator.Http;
using Scalar.AspNetCore;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// The dashboard of one emulator: pages under <c>/ui</c>, live updates over server-sent events at <c>/ui/events</c>,
/// the emulator's OpenAPI document at <c>/ui/openapi/v1.json</c> and its API reference at <c>/ui/reference</c>.
/// </summary>
internal sealed class EmulatorDashboard
{
    /// <summary>How often an idle event stream sends a comment, so proxies and browsers keep it open.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly ChangeFeed _feed = new();
    private readonly DashboardGate _gate;
    private readonly DashboardPages _pages;
    private readonly FormPages _forms;

    public EmulatorDashboard(EmulatorServices services, ApiKeys keys, IReadOnlyList<string> acceptedKeys)
    {
        // The sign-in page names the key only when it is the well-known default (documented, so no secret).
        var hint = acceptedKeys is [EmulatorOptions.DefaultApiKey] ? EmulatorOptions.DefaultApiKey : null;
        _gate = new DashboardGate(keys, new DashboardSessions(), hint);
        _pages = new DashboardPages(services, _feed);
        _forms = new FormPages(services);
    }

    public ChangeFeed Feed => _feed;

    /// <summary>Middleware placed before the API-key check: records changes and signs dashboard calls in.</summary>
    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        _feed.ObserveAsync(context, c => _gate.InvokeAsync(c, next));

    /// <summary>Maps the pages, the event stream, the OpenAPI document and the API reference.</summary>
    public void Map(IEndpointRouteBuilder app, CancellationToken stopping)
    {
        var ui = app.MapGroup(DashboardGate.Prefix).ExcludeFromDescription();
        ui.MapGet(string.Empty, () => Results.Redirect(DashboardGate.Prefix + "/requests"));
        ui.MapGet("/events", (HttpContext c) => TypedResults.ServerSentEvents(EventsAsync(c.RequestAborted, stopping)));
        ui.MapGet("/new/purchase", _forms.PurchaseAsync);
        ui.MapGet("/new/tier-config-request", _forms.TierRequestAsync);
        ui.MapGet("/new/usage-file", _forms.UsageFileAsync);
        ui.MapGet("/{kind}", (HttpContext c, string kind) => _pages.ListAsync(c, kind));
        ui.MapGet("/{kind}/{id}", (HttpContext c, string kind, string id) => _pages.DetailAsync(c, kind, id));
        ui.MapOpenApi("/openapi/{documentName}.json");
        // Scalar answers its bare path with a redirect to "reference/", which the emulator's trailing-slash trimming
        // would send back: go to the document's page directly.
        ui.MapGet("/reference", () => Results.Redirect(DashboardGate.Prefix + "/reference/v1")).WithOrder(-1);
        ui.MapScalarApiReference("/reference", options => options
            .WithTitle("Connect emulator API")
            .WithOpenApiRoutePattern(DashboardGate.Prefix + "/openapi/{documentName}.json")
            .DisableTelemetry()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp()
            .AddPreferredSecuritySchemes(EmulatorOpenApi.SecuritySchemeId));
    }

    // One "hello" with the current version (the page compares it with the version it was rendered at), then one
    // "change" per burst of changes; the stream ends when the client leaves or the emulator stops.
    private async IAsyncEnumerable<SseItem<string>> EventsAsync(CancellationToken aborted, [EnumeratorCancellation] CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var seen = _feed.Version;
        yield return new SseItem<string>(seen.ToString(CultureInfo.InvariantCulture), "hello");
        while (true)
        {
            var next = await NextAsync(seen, linked.Token).ConfigureAwait(false);
            if (next is null)
            {
                yield break;
            }

            if (next == seen)
            {
                yield return new SseItem<string>(string.Empty, "ping");
                continue;
            }

            seen = next.Value;
            yield return new SseItem<string>(seen.ToString(CultureInfo.InvariantCulture), "change");
        }
    }

    private async Task<long?> NextAsync(long seen, CancellationToken cancellationToken)
    {
        try
        {
            return await _feed.WaitPastAsync(seen, cancellationToken).WaitAsync(Heartbeat, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return seen;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
