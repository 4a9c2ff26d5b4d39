using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>Tier config requests (<c>/tier/config-requests</c>): listing and actions.</summary>
public sealed class TierConfigRequestsResource : ResourceCollection<TierConfigRequest>
{
    internal TierConfigRequestsResource(ConnectTransport transport)
        : base(transport, "tier/config-requests")
    {
    }

    /// <summary>A typed handle on one tier config request (no call is made): <c>client.TierConfigRequests["TCR-..."].FailAsync("...")</c>.</summary>
    /// <param name="id">Tier config request id.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public TierConfigRequestHandle this[string id] => new(this, id);

    /// <summary>Creates a tier config request: <c>POST /tier/config-requests</c>.</summary>
    /// <param name="request">The request (configuration, params, type).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created request.</returns>
    public Task<TierConfigRequest> CreateAsync(TierConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Transport.SendAsync<TierConfigRequest>(HttpMethod.Post, Path, null, ConnectTransport.JsonModel(request), cancellationToken);
    }

    /// <summary>Approves with a template: <c>POST .../approve {"template":{"id"}}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="templateId">Tier template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Connect answers (200): not the whole request but <c>template</c> (id and rendered <c>representation</c>) and <c>effective_date</c>, so only <see cref="TierConfigRequest.Template"/> and <see cref="TierConfigRequest.EffectiveDate"/> are set; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> ApproveByTemplateAsync(string id, string templateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        var body = new JsonObject { ["template"] = new JsonObject { ["id"] = templateId } };
        return Transport.SendOptionalAsync<TierConfigRequest>(HttpMethod.Post, ActionPath(id, "approve"), null, ConnectTransport.Json(body), cancellationToken);
    }

    /// <summary>Approves with a tile (legacy form): <c>POST .../approve {"template":{"representation"}}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="markdown">Tile contents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Connect answers (200): <c>template</c> and <c>effective_date</c>, not the whole request (see <see cref="TierConfigRequestsResource.ApproveByTemplateAsync"/>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> ApproveByTileAsync(string id, string markdown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var body = new JsonObject { ["template"] = new JsonObject { ["representation"] = markdown } };
        return Transport.SendOptionalAsync<TierConfigRequest>(HttpMethod.Post, ActionPath(id, "approve"), null, ConnectTransport.Json(body), cancellationToken);
    }

    /// <summary>Moves the request to inquiring (204): <c>POST .../inquire</c>. Set <c>value_error</c>s first.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task InquireAsync(string id, CancellationToken cancellationToken = default) =>
        Transport.SendNoContentAsync(HttpMethod.Post, ActionPath(id, "inquire"), ConnectTransport.Json(new JsonObject()), cancellationToken);

    /// <summary>Fails the request (204): <c>POST .../fail {"reason"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="reason">Reason.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task FailAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return Transport.SendNoContentAsync(HttpMethod.Post, ActionPath(id, "fail"), ConnectTransport.Json(new JsonObject { ["reason"] = reason }), cancellationToken);
    }

    /// <summary>Moves an inquiring request back to pending (204): <c>POST .../pend</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task PendAsync(string id, CancellationToken cancellationToken = default) =>
        Transport.SendNoContentAsync(HttpMethod.Post, ActionPath(id, "pend"), ConnectTransport.Json(new JsonObject()), cancellationToken);

    /// <summary>Assigns the request (204): <c>POST .../assign {"id"}</c> or <c>{"email"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="userIdOrEmail">User id or email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task AssignAsync(string id, string userIdOrEmail, CancellationToken cancellationToken = default) =>
        Transport.SendNoContentAsync(HttpMethod.Post, ActionPath(id, "assign"), ConnectTransport.Json(ParamBodies.Assignee(userIdOrEmail)), cancellationToken);

    /// <summary>Unassigns the request (204): <c>POST .../unassign</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task UnassignAsync(string id, CancellationToken cancellationToken = default) =>
        Transport.SendNoContentAsync(HttpMethod.Post, ActionPath(id, "unassign"), ConnectTransport.Json(new JsonObject()), cancellationToken);

    /// <summary>Updates parameters and optionally the notes: <c>PUT /tier/config-requests/{id} {"params":[...],"notes"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="params">Parameters (only id and values are sent).</param>
    /// <param name="notes">Optional notes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated request as Connect returns it (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> UpdateParametersAsync(string id, IEnumerable<Param> @params, string? notes = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["params"] = ParamBodies.Params(@params) };
        if (notes is not null)
        {
            body["notes"] = notes;
        }

        return Transport.SendOptionalAsync<TierConfigRequest>(HttpMethod.Put, Path + "/" + ConnectTransport.Segment(id), null, ConnectTransport.Json(body), cancellationToken);
    }

    private string ActionPath(string id, string action) => Path + "/" + ConnectTransport.Segment(id) + "/" + action;
}
