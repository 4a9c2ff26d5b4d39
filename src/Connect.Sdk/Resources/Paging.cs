using System.Runtime.CompilerServices;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

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
