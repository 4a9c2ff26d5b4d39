using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>Fulfillment requests (<c>/requests</c>): listing and the request actions.</summary>
public sealed class RequestsResource : ResourceCollection<FulfillmentRequest>
{
    internal RequestsResource(ConnectTransport transport)
        : base(transport, "requests")
    {
    }

    /// <summary>A typed handle on one request (no call is made): <c>client.Requests["PR-..."].ApproveByTemplateAsync("TL-...")</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public FulfillmentRequestHandle this[string id] => new(this, id);

    /// <summary>Creates a request (<c>POST /requests</c>; needs a provider key).</summary>
    /// <param name="request">The request: type, asset, marketplace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created request.</returns>
    public Task<FulfillmentRequest> CreateAsync(FulfillmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Transport.SendAsync<FulfillmentRequest>(HttpMethod.Post, Path, null, ConnectTransport.JsonModel(request), cancellationToken);
    }

    /// <summary>Approves with an activation template: <c>POST /requests/{id}/approve {"template_id"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="templateId">Activation template id (<c>TL-...</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it (200, <c>status</c> <c>approved</c>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> ApproveByTemplateAsync(string id, string templateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        return ActionAsync(id, "approve", new JsonObject { ["template_id"] = templateId }, cancellationToken);
    }

    /// <summary>Approves with an activation tile: <c>POST /requests/{id}/approve {"activation_tile"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="markdown">Tile contents (Markdown).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it (200, <c>status</c> <c>approved</c>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> ApproveByTileAsync(string id, string markdown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return ActionAsync(id, "approve", new JsonObject { ["activation_tile"] = markdown }, cancellationToken);
    }

    /// <summary>
    /// Moves the request to inquiring: <c>POST /requests/{id}/inquire</c> (<c>{}</c> or <c>{"template_id"}</c>).
    /// Set <c>value_error</c> on the parameters first with <see cref="UpdateParametersAsync"/>.
    /// </summary>
    /// <param name="id">Request id.</param>
    /// <param name="templateId">Optional inquire template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> InquireAsync(string id, string? templateId = null, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "inquire", templateId is null ? new JsonObject() : new JsonObject { ["template_id"] = templateId }, cancellationToken);

    /// <summary>Fails the request (terminal): <c>POST /requests/{id}/fail {"reason"}</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="reason">Reason, shown to the customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> FailAsync(string id, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return ActionAsync(id, "fail", new JsonObject { ["reason"] = reason }, cancellationToken);
    }

    /// <summary>Moves an inquiring request back to pending: <c>POST /requests/{id}/pend</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> PendAsync(string id, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "pend", new JsonObject(), cancellationToken);

    /// <summary>Assigns the request: <c>POST /requests/{id}/assign {"id"}</c> (or <c>{"email"}</c>).</summary>
    /// <param name="id">Request id.</param>
    /// <param name="userIdOrEmail">User id (<c>UR-...</c>) or email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> AssignAsync(string id, string userIdOrEmail, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "assign", ParamBodies.Assignee(userIdOrEmail), cancellationToken);

    /// <summary>Unassigns the request: <c>POST /requests/{id}/unassign</c>.</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> UnassignAsync(string id, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "unassign", new JsonObject(), cancellationToken);

    /// <summary>
    /// Updates asset parameters (<c>value</c>, <c>value_error</c>, <c>structured_value</c>) and optionally the note:
    /// <c>PUT /requests/{id} {"asset":{"params":[...]},"note"}</c>. Parameters not sent keep their values.
    /// </summary>
    /// <param name="id">Request id.</param>
    /// <param name="params">Parameters to update (only their id and values are sent).</param>
    /// <param name="note">Optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated request as Connect returns it (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> UpdateParametersAsync(string id, IEnumerable<Param> @params, string? note = null, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["asset"] = new JsonObject { ["params"] = ParamBodies.Params(@params) } };
        if (note is not null)
        {
            body["note"] = note;
        }

        return Transport.SendOptionalAsync<FulfillmentRequest>(HttpMethod.Put, Path + "/" + ConnectTransport.Segment(id), null, ConnectTransport.Json(body), cancellationToken);
    }

    /// <summary>Renders the request's template: <c>GET /requests/{id}/render</c> (Markdown).</summary>
    /// <param name="id">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public Task<string> RenderAsync(string id, CancellationToken cancellationToken = default) =>
        Transport.GetTextAsync(Path + "/" + ConnectTransport.Segment(id) + "/render", null, cancellationToken);

    private Task<FulfillmentRequest?> ActionAsync(string id, string action, JsonObject body, CancellationToken cancellationToken) =>
        Transport.SendOptionalAsync<FulfillmentRequest>(
            HttpMethod.Post, Path + "/" + ConnectTransport.Segment(id) + "/" + action, null, ConnectTransport.Json(body), cancellationToken);
}
