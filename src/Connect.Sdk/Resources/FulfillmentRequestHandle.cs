using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>
/// One fulfillment request by id (<c>client.Requests["PR-..."]</c>). Creating it makes no call; every method
/// delegates to <see cref="RequestsResource"/> with this id.
/// </summary>
public sealed class FulfillmentRequestHandle
{
    private readonly RequestsResource _requests;

    internal FulfillmentRequestHandle(RequestsResource requests, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _requests = requests;
        Id = id;
    }

    /// <summary>The request id.</summary>
    public string Id { get; }

    /// <summary>Gets the request: <c>GET /requests/{id}</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ConnectApiException">The API answered with an error (404 when the id is unknown).</exception>
    public Task<FulfillmentRequest> GetAsync(CancellationToken cancellationToken = default) => _requests.GetAsync(Id, cancellationToken);

    /// <summary>Gets the request, or <see langword="null"/> when the API answers 404.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request; <see langword="null"/> when the API answers 404 (no request with that id).</returns>
    public Task<FulfillmentRequest?> FindAsync(CancellationToken cancellationToken = default) => _requests.FindAsync(Id, cancellationToken);

    /// <summary>Updates parameters and optionally the note (see <see cref="RequestsResource.UpdateParametersAsync"/>).</summary>
    /// <param name="params">Parameters to update (only their id and values are sent).</param>
    /// <param name="note">Optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated request as Connect returns it (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> UpdateParametersAsync(IEnumerable<Param> @params, string? note = null, CancellationToken cancellationToken = default) =>
        _requests.UpdateParametersAsync(Id, @params, note, cancellationToken);

    /// <summary>Approves with an activation template (see <see cref="RequestsResource.ApproveByTemplateAsync"/>).</summary>
    /// <param name="templateId">Activation template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it (200, <c>status</c> <c>approved</c>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> ApproveByTemplateAsync(string templateId, CancellationToken cancellationToken = default) =>
        _requests.ApproveByTemplateAsync(Id, templateId, cancellationToken);

    /// <summary>Approves with an activation tile (see <see cref="RequestsResource.ApproveByTileAsync"/>).</summary>
    /// <param name="markdown">Tile contents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it (200, <c>status</c> <c>approved</c>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> ApproveByTileAsync(string markdown, CancellationToken cancellationToken = default) =>
        _requests.ApproveByTileAsync(Id, markdown, cancellationToken);

    /// <summary>Moves the request to inquiring (see <see cref="RequestsResource.InquireAsync"/>).</summary>
    /// <param name="templateId">Optional inquire template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> InquireAsync(string? templateId = null, CancellationToken cancellationToken = default) =>
        _requests.InquireAsync(Id, templateId, cancellationToken);

    /// <summary>Fails the request (see <see cref="RequestsResource.FailAsync"/>).</summary>
    /// <param name="reason">Reason, shown to the customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> FailAsync(string reason, CancellationToken cancellationToken = default) =>
        _requests.FailAsync(Id, reason, cancellationToken);

    /// <summary>Moves an inquiring request back to pending (see <see cref="RequestsResource.PendAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> PendAsync(CancellationToken cancellationToken = default) => _requests.PendAsync(Id, cancellationToken);

    /// <summary>Assigns the request (see <see cref="RequestsResource.AssignAsync"/>).</summary>
    /// <param name="userIdOrEmail">User id or email address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> AssignAsync(string userIdOrEmail, CancellationToken cancellationToken = default) =>
        _requests.AssignAsync(Id, userIdOrEmail, cancellationToken);

    /// <summary>Unassigns the request.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as Connect returns it after the action (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<FulfillmentRequest?> UnassignAsync(CancellationToken cancellationToken = default) => _requests.UnassignAsync(Id, cancellationToken);

    /// <summary>Renders the request's template: <c>GET /requests/{id}/render</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public Task<string> RenderAsync(CancellationToken cancellationToken = default) => _requests.RenderAsync(Id, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => "requests/" + Id;
}
