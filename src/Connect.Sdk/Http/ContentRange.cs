using System.Globalization;

namespace Connect.Sdk;

/// <summary>A parsed <c>Content-Range: items first-last/total</c> header, the paging header of listings.</summary>
internal readonly record struct ContentRange(long First, long Last, long Total)
{
    public static ContentRange? Parse(HttpResponseMessage response)
    {
        string? text = null;
        if (response.Content.Headers.TryGetValues("Content-Range", out var values) || response.Headers.TryGetValues("Content-Range", out values))
        {
            text = values.FirstOrDefault();
        }

        if (text is null)
        {
            return null;
        }

        // items 0-99/250
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var dash = text.IndexOf('-', space + 1);
        var slash = text.IndexOf('/', dash + 1);
        if (space < 0 || dash < 0 || slash < 0
            || !long.TryParse(text.AsSpan(space + 1, dash - space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(text.AsSpan(dash + 1, slash - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            return null;
        }

        return new ContentRange(first, last, total);
    }
}

/// <summary>One page of a listing and the <c>Content-Range</c> the server sent with it.</summary>
internal sealed record ConnectPage<T>(IReadOnlyList<T> Items, ContentRange? Range);
