using System.Text.Json.Nodes;

namespace Connect.Sdk.Resources;

/// <summary>One document of an untyped collection: get, update, delete, actions and sub-collections.</summary>
public sealed class ConnectResourceHandle
{
    private readonly ConnectTransport _transport;

    internal ConnectResourceHandle(ConnectTransport transport, string path)
    {
        _transport = transport;
        Path = path;
    }

    /// <summary>Path of the document relative to the endpoint.</summary>
    public string Path { get; }

    /// <summary>A sub-collection of the document, e.g. <c>products["PRD-1"].Collection("items")</c>.</summary>
    /// <param name="name">Sub-collection name.</param>
    /// <returns>The collection.</returns>
    public ConnectCollection Collection(string name) => new(_transport, Path + "/" + ConnectClient.CheckName(name));

    /// <summary>Gets the document.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document.</returns>
    public Task<JsonNode> GetAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync<JsonNode>(HttpMethod.Get, Path, null, null, cancellationToken);

    /// <summary>Updates the document: <c>PUT</c>.</summary>
    /// <param name="body">JSON body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated document; <see langword="null"/> only when the answer has no body (a 204 or an empty 200).</returns>
    public Task<JsonNode?> UpdateAsync(JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, Path, body, cancellationToken);

    /// <summary>Deletes the document: <c>DELETE</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public Task DeleteAsync(CancellationToken cancellationToken = default) =>
        _transport.SendNoContentAsync(HttpMethod.Delete, Path, null, cancellationToken);

    /// <summary>Posts an action: <c>POST {document}/{action}</c>.</summary>
    /// <param name="action">Action name, e.g. <c>approve</c>.</param>
    /// <param name="body">Optional JSON body (<c>{}</c> when omitted).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer; <see langword="null"/> only when the answer has no body (a 204 or an empty 200).</returns>
    public Task<JsonNode?> ActionAsync(string action, JsonNode? body = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, Path + "/" + ConnectClient.CheckName(action), body, cancellationToken);

    private Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        _transport.SendOptionalAsync<JsonNode>(method, path, null, ConnectTransport.Json(body), cancellationToken);
}
