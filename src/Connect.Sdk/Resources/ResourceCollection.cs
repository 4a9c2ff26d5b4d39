using System.Net;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>
/// A typed collection of the API (<c>/requests</c>, <c>/assets</c>, ...): lazy listing across pages, get by id,
/// count and first. Creating it makes no call.
/// </summary>
/// <typeparam name="T">Model of the collection's documents.</typeparam>
public class ResourceCollection<T>
    where T : class
{
    private protected ResourceCollection(ConnectTransport transport, string path)
    {
        Transport = transport;
        Path = path;
    }

    /// <summary>Path of the collection relative to the endpoint, e.g. <c>tier/config-requests</c>.</summary>
    public string Path { get; }

    internal ConnectTransport Transport { get; }

    /// <summary>
    /// Lists every document matching <paramref name="query"/>, fetching pages lazily (one page in memory).
    /// The query's <c>limit</c>, when set, is the page size; its <c>offset</c> is where listing starts.
    /// </summary>
    /// <param name="query">Filters, ordering, select; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The documents, in server order.</returns>
    public IAsyncEnumerable<T> ListAsync(Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.ListAsync<T>(Transport, Path, query, cancellationToken);

    /// <summary>
    /// Lists the matching documents page by page (<c>limit</c> of the query, or the client's page size, per page),
    /// for callers that checkpoint or report progress per page.
    /// </summary>
    /// <param name="query">Filters, ordering, select, page size and starting offset.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The pages; an empty result gives one empty page.</returns>
    public IAsyncEnumerable<ResourcePage<T>> ListPagesAsync(Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.PagesAsync<T>(Transport, Path, query, cancellationToken);

    /// <summary>Gets one document by id.</summary>
    /// <param name="id">Document id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ConnectApiException">The API answered with an error (404 when the id is unknown).</exception>
    public Task<T> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Transport.SendAsync<T>(HttpMethod.Get, Path + "/" + ConnectTransport.Segment(id), null, null, cancellationToken);

    /// <summary>Gets one document by id, or <see langword="null"/> when the API answers 404.</summary>
    /// <param name="id">Document id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document; <see langword="null"/> when the API answers 404 (no document with that id).</returns>
    public async Task<T?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Counts the documents matching <paramref name="query"/> (one call with <c>limit=0</c>, reading <c>Content-Range</c>).</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of matching documents.</returns>
    public Task<long> CountAsync(Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.CountAsync<T>(Transport, Path, query, cancellationToken);

    /// <summary>The first document matching <paramref name="query"/> (one call with <c>limit=1</c>), or <see langword="null"/>.</summary>
    /// <param name="query">Filters and ordering.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The first document; <see langword="null"/> when nothing matches.</returns>
    public Task<T?> FirstOrDefaultAsync(Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.FirstOrDefaultAsync<T>(Transport, Path, query, cancellationToken);
}
