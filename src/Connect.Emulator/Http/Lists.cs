using Connect.Emulator.Domain;
using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Rql;
using Connect.Emulator.Store;

namespace Connect.Emulator.Http;

/// <summary>How one list endpoint filters and shapes its documents.</summary>
internal sealed record ListSpec(string Collection)
{
    /// <summary>Distinguishes cached results of different endpoints over one collection (e.g. a product id).</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>A filter applied before RQL (e.g. the templates of one product).</summary>
    public Func<JsonObject, bool>? Prefilter { get; init; }

    /// <summary>Fields returned only when named in <c>select(...)</c>.</summary>
    public IReadOnlyCollection<string> Hidden { get; init; } = [];

    /// <summary>Fields <c>search=</c> looks at.</summary>
    public IReadOnlyList<string> SearchFields { get; init; } = ["id", "name"];

    /// <summary>Bookkeeping fields the emulator stores but Connect never returns.</summary>
    public IReadOnlyList<string> Internal { get; init; } = [];

    /// <summary>
    /// Property paths this endpoint filters on (<see cref="ListFilters"/>); comparisons on other names are ignored, as on
    /// real Connect. Null lets every path filter.
    /// </summary>
    public IReadOnlySet<string>? Filterable { get; init; }

    /// <summary>Filter names the real server maps to another field (e.g. <c>asset_id</c> → <c>asset.id</c>).</summary>
    public IReadOnlyDictionary<string, string>? FilterAliases { get; init; }

    /// <summary>
    /// Hidden fields the emulator does not store but computes when selected: path → an action that adds the field to a
    /// copy of the document.
    /// </summary>
    public IReadOnlyDictionary<string, Action<JsonObject>> Computed { get; init; } =
        new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal);

    /// <summary>True when the <see cref="Computed"/> fields are part of every answer, not only when selected.</summary>
    public bool ComputeAlways { get; init; }
}

/// <summary>Answers list calls: RQL filter, search, ordering, select, limit/offset and <c>Content-Range</c> (contract/api-contract.md section 4.1).</summary>
internal static class Lists
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RqlQuery ParseQuery(
        HttpContext context, IReadOnlySet<string>? filterable = null, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var raw = context.Request.QueryString.Value;
        try
        {
            return RqlQuery.Parse(string.IsNullOrEmpty(raw) ? raw : raw.TrimStart('?'), filterable, aliases);
        }
        catch (RqlParseException ex)
        {
            throw new ApiException(
                StatusCodes.Status400BadRequest,
                ErrorCodes.Rql,
                $"{ex.Message.TrimEnd('.')} at position {ex.Position.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Lists a store collection; the filtered and sorted list is cached per collection version.</summary>
    public static IResult FromStore(HttpContext context, DocumentStore store, ListSpec spec)
    {
        var query = ParseQuery(context, spec.Filterable, spec.FilterAliases);
        var (limit, offset) = Window(query);
        Func<IEnumerable<JsonObject>, IEnumerable<JsonObject>>? sort = query.Ordering.Count == 0
            ? null
            : docs => query.Sort(docs).Cast<JsonObject>();
        var (total, page) = store.Page(
            spec.Collection,
            spec.Scope + "\u0001" + query.CacheKey,
            d => (spec.Prefilter is null || spec.Prefilter(d)) && query.Matches(d) && query.MatchesSearch(d, spec.SearchFields),
            sort,
            offset,
            limit);
        return Respond(page, total, offset, limit, query, spec);
    }

    /// <summary>Lists documents computed by the endpoint (small sets, not cached).</summary>
    public static IResult FromDocuments(HttpContext context, IEnumerable<JsonObject> documents, ListSpec spec)
    {
        var query = ParseQuery(context, spec.Filterable, spec.FilterAliases);
        return Page(Filter([.. documents], query, spec), query, spec);
    }

    private static IReadOnlyList<JsonObject> Filter(IReadOnlyList<JsonObject> documents, RqlQuery query, ListSpec spec)
    {
        IEnumerable<JsonNode> matching = documents.Where(d =>
            (spec.Prefilter is null || spec.Prefilter(d)) && query.Matches(d) && query.MatchesSearch(d, spec.SearchFields));
        return [.. query.Sort(matching).Cast<JsonObject>()];
    }

    private static IResult Page(IReadOnlyList<JsonObject> documents, RqlQuery query, ListSpec spec)
    {
        var (limit, offset) = Window(query);
        var page = new List<JsonObject>();
        for (var i = offset; i < documents.Count && i < offset + limit; i++)
        {
            page.Add(documents[i]);
        }

        return Respond(page, documents.Count, offset, limit, query, spec);
    }

    // django-rql: default 100, clamp at 1000, bad values fall back; limit=0 forces offset 0 (a count).
    private static (int Limit, int Offset) Window(RqlQuery query)
    {
        var limit = Math.Min(query.Limit ?? DefaultLimit, MaxLimit);
        var offset = limit == 0 ? 0 : query.Offset ?? 0;
        return (limit, offset);
    }

    private static IResult Respond(IReadOnlyList<JsonObject> page, int total, int offset, int limit, RqlQuery query, ListSpec spec)
    {
        if (limit == 0)
        {
            return Responses.Json(new JsonArray(), contentRange: Range(0, 0, total));
        }

        var body = new JsonArray();
        foreach (var document in page)
        {
            body.Add(Shape(query.Project(Expand(document, query, spec), spec.Hidden), spec));
        }

        var range = body.Count == 0 ? Range(offset, offset, total) : Range(offset, offset + body.Count - 1, total);
        return Responses.Json(body, contentRange: range);
    }

    // Adds the computed hidden fields the query selects (e.g. an asset's pending_request).
    private static JsonObject Expand(JsonObject document, RqlQuery query, ListSpec spec)
    {
        JsonObject? copy = null;
        foreach (var (path, add) in spec.Computed)
        {
            if (spec.ComputeAlways || query.Selects(path))
            {
                copy ??= (JsonObject)document.DeepClone();
                add(copy);
            }
        }

        return copy ?? document;
    }

    /// <summary>Removes bookkeeping fields from a (copied) document.</summary>
    public static JsonNode Shape(JsonNode document, ListSpec spec)
    {
        if (document is JsonObject obj)
        {
            foreach (var field in spec.Internal)
            {
                obj.Remove(field);
            }
        }

        return document;
    }

    private static string Range(int first, int last, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"items {first}-{last}/{total}");
}
