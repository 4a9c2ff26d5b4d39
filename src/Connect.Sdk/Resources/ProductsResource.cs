using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Products (<c>/products</c>), their templates, parameters, versions and connections.</summary>
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

    /// <summary>The versions of a product: <c>GET /products/{id}/versions</c> (filters: <c>version</c>, <c>public</c>, <c>staging</c>).</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The versions, each a product document with its <c>version</c>.</returns>
    public IAsyncEnumerable<Product> ListVersionsAsync(string productId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Product>(Transport, Path + "/" + ConnectTransport.Segment(productId) + "/versions", query, cancellationToken);

    /// <summary>One version of a product: <c>GET /products/{id}/versions/{version}</c>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="version">Version number (from 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The product as it is in that version.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public Task<Product> GetVersionAsync(string productId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return Transport.SendAsync<Product>(
            HttpMethod.Get,
            Path + "/" + ConnectTransport.Segment(productId) + "/versions/" + version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null,
            null,
            cancellationToken);
    }

    /// <summary>The connections of a product: <c>GET /products/{id}/connections</c> (filters: <c>hub.id</c>, <c>hub.name</c>).</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="query">Optional filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The connections.</returns>
    public IAsyncEnumerable<Connection> ListConnectionsAsync(string productId, Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<Connection>(Transport, Path + "/" + ConnectTransport.Segment(productId) + "/connections", query, cancellationToken);
}
