using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>
/// One tier config request by id (<c>client.TierConfigRequests["TCR-..."]</c>). Creating it makes no call; every
/// method delegates to <see cref="TierConfigRequestsResource"/> with this id.
/// </summary>
public sealed class TierConfigRequestHandle
{
    private readonly TierConfigRequestsResource _requests;

    internal TierConfigRequestHandle(TierConfigRequestsResource requests, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _requests = requests;
        Id = id;
    }

    /// <summary>The tier config request id.</summary>
    public string Id { get; }

    /// <summary>Gets the tier config request.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config request.</returns>
    /// <exception cref="ConnectApiException">The API answered with an error (404 when the id is unknown).</exception>
    public Task<TierConfigRequest> GetAsync(CancellationToken cancellationToken = default) => _requests.GetAsync(Id, cancellationToken);

    /// <summary>Gets the tier config request, or <see langword="null"/> when the API answers 404.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config request; <see langword="null"/> when the API answers 404 (no such id).</returns>
    public Task<TierConfigRequest?> FindAsync(CancellationToken cancellationToken = default) => _requests.FindAsync(Id, cancellationToken);

    /// <summary>Updates parameters and optionally the notes.</summary>
    /// <param name="params">Parameters (only id and values are sent).</param>
    /// <param name="notes">Optional notes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated request as Connect returns it (200); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> UpdateParametersAsync(IEnumerable<Param> @params, string? notes = null, CancellationToken cancellationToken = default) =>
        _requests.UpdateParametersAsync(Id, @params, notes, cancellationToken);

    /// <summary>Approves with a template: <c>{"template":{"id"}}</c>.</summary>
    /// <param name="templateId">Tier template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Connect answers (200): <c>template</c> and <c>effective_date</c>, not the whole request (see <see cref="TierConfigRequestsResource.ApproveByTemplateAsync"/>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> ApproveByTemplateAsync(string templateId, CancellationToken cancellationToken = default) =>
        _requests.ApproveByTemplateAsync(Id, templateId, cancellationToken);

    /// <summary>Approves with a tile (legacy form).</summary>
    /// <param name="markdown">Tile contents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Connect answers (200): <c>template</c> and <c>effective_date</c>, not the whole request (see <see cref="TierConfigRequestsResource.ApproveByTemplateAsync"/>); <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<TierConfigRequest?> ApproveByTileAsync(string markdown, CancellationToken cancellationToken = default) =>
        _requests.ApproveByTileAsync(Id, markdown, cancellationToken);

    /// <summary>Moves the request to inquiring (204).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task InquireAsync(CancellationToken cancellationToken = default) => _requests.InquireAsync(Id, cancellationToken);

    /// <summary>Fails the request (204).</summary>
    /// <param name="reason">Reason.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task FailAsync(string reason, CancellationToken cancellationToken = default) => _requests.FailAsync(Id, reason, cancellationToken);

    /// <summary>Moves an inquiring request back to pending (204).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task PendAsync(CancellationToken cancellationToken = default) => _requests.PendAsync(Id, cancellationToken);

    /// <summary>Assigns the request (204).</summary>
    /// <param name="userIdOrEmail">User id or email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task AssignAsync(string userIdOrEmail, CancellationToken cancellationToken = default) => _requests.AssignAsync(Id, userIdOrEmail, cancellationToken);

    /// <summary>Unassigns the request (204).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task UnassignAsync(CancellationToken cancellationToken = default) => _requests.UnassignAsync(Id, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => "tier/config-requests/" + Id;
}
