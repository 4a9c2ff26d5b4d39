using System.Text.Json.Nodes;

namespace Connect.Sdk.Resources;

/// <summary>
/// An untyped collection reached by name (<c>client.Collection("subscriptions/assets")</c>), for endpoints the
/// typed layer does not cover. Documents are <see cref="JsonNode"/>s.
/// </summary>
public sealed class ConnectCollection : ResourceCollection<JsonNode>
{
    internal ConnectCollection(ConnectTransport transport, string path)
        : base(transport, path)
    {
    }

    /// <summary>A handle on one document of the collection (no call is made).</summary>
    /// <param name="id">Document id.</param>
    /// <returns>The handle.</returns>
    public ConnectResourceHandle this[string id] => new(Transport, Path + "/" + ConnectTransport.Segment(id));

    /// <summary>Creates a document: <c>POST {collection}</c>.</summary>
    /// <param name="body">JSON body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created document.</returns>
    public Task<JsonNode> CreateAsync(JsonNode body, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<JsonNode>(HttpMethod.Post, Path, null, ConnectTransport.Json(body), cancellationToken);
}
