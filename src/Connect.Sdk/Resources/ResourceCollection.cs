using System.Net;
using System.Runtime.CompilerServices;
using Connect.Sdk.Models;
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
    /// <returns>The document or <see langword="null"/>.</returns>
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
    /// <returns>The first document or <see langword="null"/>.</returns>
    public Task<T?> FirstOrDefaultAsync(Query? query = null, CancellationToken cancellationToken = default) =>
        Paging.FirstOrDefaultAsync<T>(Transport, Path, query, cancellationToken);
}

/// <summary>One page of a listing.</summary>
/// <typeparam name="T">Model.</typeparam>
/// <param name="Items">The documents of the page.</param>
/// <param name="Offset">Offset of the first document.</param>
/// <param name="Total">Total number of matching documents, when the server sent <c>Content-Range</c>.</param>
public sealed record ResourcePage<T>(IReadOnlyList<T> Items, long Offset, long? Total);

/// <summary>A collection with no extra operations (marketplaces, accounts, contracts, listings, ...).</summary>
/// <typeparam name="T">Model.</typeparam>
public sealed class ReadOnlyResourceCollection<T> : ResourceCollection<T>
    where T : class
{
    internal ReadOnlyResourceCollection(ConnectTransport transport, string path)
        : base(transport, path)
    {
    }
}

/// <summary>Page walking over <c>limit</c>/<c>offset</c> and <c>Content-Range</c>.</summary>
internal static class Paging
{
    public static async IAsyncEnumerable<T> ListAsync<T>(
        ConnectTransport transport, string path, Query? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync<T>(transport, path, query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Walks the pages. With <see cref="ConnectClientOptions.PrefetchNextPage"/> the next page is requested as soon as
    /// the current page's headers are in (its <c>Content-Range</c> says how many items it has and whether more
    /// follow), so the server prepares the next page while this one is read and deserialized; at most two pages are
    /// held. A prefetch the page turns out not to need (a short page, a different count than announced) is cancelled
    /// and never reported, as is one pending when the caller stops early.
    /// </summary>
    public static async IAsyncEnumerable<ResourcePage<T>> PagesAsync<T>(
        ConnectTransport transport, string path, Query? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = query?.LimitValue is int l && l > 0 ? l : transport.PageSize;
        var first = query?.OffsetValue ?? 0;
        long offset = first;
        CancellationTokenSource? prefetchCancel = null;
        Task<HttpResponseMessage>? prefetch = null;
        long prefetchOffset = -1;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pageQuery = Compile(query, limit, offset);
                Task<HttpResponseMessage> opening;
                if (prefetch is not null && prefetchOffset == offset)
                {
                    opening = prefetch;
                    prefetch = null;
                }
                else
                {
                    await DropAsync(prefetch, prefetchCancel).ConfigureAwait(false);
                    prefetch = null;
                    opening = transport.OpenPageAsync(path, pageQuery, cancellationToken);
                }

                var response = await opening.ConfigureAwait(false);
                if (transport.PrefetchNextPage && ContentRange.Parse(response) is { } announced
                    && announced.Total > 0 && announced.Last >= announced.First && announced.Last < announced.Total - 1)
                {
                    // More follows: ask for it now, while this page's body is read and deserialized.
                    prefetchCancel?.Dispose();
                    prefetchCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    prefetchOffset = offset + (announced.Last - announced.First + 1);
                    prefetch = transport.OpenPageAsync(path, Compile(query, limit, prefetchOffset), prefetchCancel.Token);
                }

                var page = await transport.ReadPageAsync<T>(response, path, pageQuery, cancellationToken).ConfigureAwait(false);
                if (page.Items.Count == 0)
                {
                    if (offset == first)
                    {
                        yield return new ResourcePage<T>(page.Items, offset, page.Range?.Total);
                    }

                    yield break;
                }

                // With Content-Range, stop at the reported total; without it, stop at the first short page.
                var done = page.Range is { } range
                    ? range.Last >= range.Total - 1 || offset + page.Items.Count >= range.Total
                    : page.Items.Count < limit;
                var pageOffset = offset;
                offset += page.Items.Count;
                yield return new ResourcePage<T>(page.Items, pageOffset, page.Range?.Total);
                if (done)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // The caller stopped (break, exception, cancellation) or the listing ended with a prefetch in flight.
            await DropAsync(prefetch, prefetchCancel).ConfigureAwait(false);
            prefetchCancel?.Dispose();
        }
    }

    /// <summary>Cancels a prefetch nobody will read, waits for it and disposes its response; its outcome is ignored.</summary>
    private static async Task DropAsync(Task<HttpResponseMessage>? prefetch, CancellationTokenSource? cancel)
    {
        if (prefetch is null)
        {
            return;
        }

        if (cancel is not null)
        {
            await cancel.CancelAsync().ConfigureAwait(false);
        }

        await ((Task)prefetch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (prefetch.IsCompletedSuccessfully)
        {
            prefetch.Result.Dispose();
        }
    }

    public static async Task<long> CountAsync<T>(ConnectTransport transport, string path, Query? query, CancellationToken cancellationToken)
    {
        var page = await transport.GetPageAsync<T>(path, Compile(query, 0, 0), cancellationToken).ConfigureAwait(false);
        if (page.Range is { } range)
        {
            return range.Total;
        }

        // No Content-Range: count by walking the pages.
        long count = 0;
        var all = query?.Clone() ?? new Query();
        await foreach (var unused in ListAsync<T>(transport, path, all, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(ConnectTransport transport, string path, Query? query, CancellationToken cancellationToken)
        where T : class
    {
        var page = await transport.GetPageAsync<T>(path, Compile(query, 1, query?.OffsetValue ?? 0), cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private static string Compile(Query? query, int limit, long offset) =>
        (query ?? new Query()).Compile(limit, checked((int)offset));
}
