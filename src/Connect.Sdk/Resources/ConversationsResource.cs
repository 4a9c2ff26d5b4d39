using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Conversations (<c>/conversations</c>) and their messages.</summary>
public sealed class ConversationsResource : ResourceCollection<Conversation>
{
    internal ConversationsResource(ConnectTransport transport)
        : base(transport, "conversations")
    {
    }

    /// <summary>The conversation of an object (request, tier config request): <c>GET /conversations?instance_id=...</c>.</summary>
    /// <param name="instanceId">Id of the object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation; <see langword="null"/> when the object has none (an empty listing).</returns>
    public async Task<Conversation?> GetByInstanceIdAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var page = await Transport.GetPageAsync<Conversation>(Path, "instance_id=" + RqlExpression.Encode(instanceId) + "&limit=1&offset=0", cancellationToken)
            .ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>Messages of a conversation: <c>GET /conversations/{id}/messages</c>.</summary>
    /// <param name="conversationId">Conversation id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The messages.</returns>
    public IAsyncEnumerable<ConversationMessage> ListMessagesAsync(string conversationId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<ConversationMessage>(Transport, Path + "/" + ConnectTransport.Segment(conversationId) + "/messages", query, cancellationToken);

    /// <summary>Adds a message: <c>POST /conversations/{id}/messages {"text"}</c>.</summary>
    /// <param name="conversationId">Conversation id.</param>
    /// <param name="text">Message text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created message.</returns>
    public Task<ConversationMessage> AddMessageAsync(string conversationId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new System.Text.Json.Nodes.JsonObject { ["text"] = text };
        return Transport.SendAsync<ConversationMessage>(
            HttpMethod.Post, Path + "/" + ConnectTransport.Segment(conversationId) + "/messages", null, ConnectTransport.Json(body), cancellationToken);
    }
}
