using System.Text.Json;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Assets (<c>/assets</c>).</summary>
public sealed class AssetsResource : ResourceCollection<Asset>
{
    internal AssetsResource(ConnectTransport transport)
        : base(transport, "assets")
    {
    }

    /// <summary>The requests of an asset: <c>GET /assets/{id}/requests</c> (the Python connect-sdk's <c>Asset.get_requests</c>).</summary>
    /// <param name="assetId">Asset id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The requests.</returns>
    public IAsyncEnumerable<FulfillmentRequest> ListRequestsAsync(string assetId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<FulfillmentRequest>(Transport, Path + "/" + ConnectTransport.Segment(assetId) + "/requests", query, cancellationToken);
}

/// <summary>Products (<c>/products</c>), their templates and parameters.</summary>
public sealed class ProductsResource : ResourceCollection<Product>
{
    internal ProductsResource(ConnectTransport transport)
        : base(transport, "products")
    {
    }

    /// <summary>Templates of a product: <c>GET /products/{id}/templates</c> (filters: <c>scope</c>, <c>type</c>, <c>name</c>).</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The templates.</returns>
    public IAsyncEnumerable<Template> ListTemplatesAsync(string productId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Template>(Transport, Path + "/" + ConnectTransport.Segment(productId) + "/templates", query, cancellationToken);

    /// <summary>Parameters of a product: <c>GET /products/{id}/parameters</c>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The parameters.</returns>
    public IAsyncEnumerable<Param> ListParametersAsync(string productId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Param>(Transport, Path + "/" + ConnectTransport.Segment(productId) + "/parameters", query, cancellationToken);

    /// <summary>
    /// Renders a product template: <c>GET /products/{productId}/templates/{templateId}/render[?request_id=]</c>. The API
    /// answers a JSON string, which is unwrapped; a plain-text answer is returned as it is.
    /// </summary>
    /// <param name="productId">Product id.</param>
    /// <param name="templateId">Template id (<c>TL-...</c>).</param>
    /// <param name="requestId">Optional request (or tier config request) whose parameters fill the template.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public async Task<string> RenderTemplateAsync(string productId, string templateId, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        var query = requestId is null ? null : "request_id=" + RqlExpression.Encode(requestId);
        var text = await Transport.GetTextAsync(
            Path + "/" + ConnectTransport.Segment(productId) + "/templates/" + ConnectTransport.Segment(templateId) + "/render", query, cancellationToken)
            .ConfigureAwait(false);
        return TemplatesResource.UnwrapJsonString(text);
    }

    /// <summary>Configuration-phase parameter values of a product: <c>GET /products/{id}/configurations</c>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The configuration values.</returns>
    public IAsyncEnumerable<ProductConfigurationParameter> ListConfigurationsAsync(string productId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<ProductConfigurationParameter>(Transport, Path + "/" + ConnectTransport.Segment(productId) + "/configurations", query, cancellationToken);
}

/// <summary>Templates by id (the legacy <c>/templates</c> path, absent from the v37 spec but still served).</summary>
public sealed class TemplatesResource
{
    private readonly ConnectTransport _transport;

    internal TemplatesResource(ConnectTransport transport) => _transport = transport;

    /// <summary>
    /// Renders a template for a request: <c>GET /templates/{id}/render?request_id=...</c> (the Python connect-sdk's
    /// <c>TemplateResource.render</c>). A JSON string answer is unwrapped; anything else is returned as text.
    /// </summary>
    /// <param name="templateId">Template id.</param>
    /// <param name="requestId">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public async Task<string> RenderAsync(string templateId, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var text = await _transport.GetTextAsync(
            "templates/" + ConnectTransport.Segment(templateId) + "/render", "request_id=" + RqlExpression.Encode(requestId), cancellationToken).ConfigureAwait(false);
        return UnwrapJsonString(text);
    }

    /// <summary>A JSON string answer unwrapped; any other text as it is.</summary>
    internal static string UnwrapJsonString(string text)
    {
        if (text.TrimStart().StartsWith('"'))
        {
            try
            {
                return JsonSerializer.Deserialize(text, ConnectJson.TypeInfo<JsonElement>()).GetString() ?? string.Empty;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }
}

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
    /// <returns>The conversation, or <see langword="null"/> when there is none.</returns>
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
