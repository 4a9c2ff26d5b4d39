using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

/// <summary>The whole query string of a list call, parsed as one RQL expression (contract/api-contract.md sections 4.3-4.7).</summary>
/// <remarks>
/// Longer than 400 lines on purpose: taking the query apart (filter, ordering, select, limit, search), the cache key
/// and applying each part (match, search, sort, project) share the parsed state of one query; in separate files that
/// state would have to be made visible to the whole assembly.
/// </remarks>
internal sealed class RqlQuery
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal) { "limit", "offset", "search" };

    private RqlNode? _filter;
    private RqlLikePattern? _searchPattern;

    // The last search-field list compiled to paths; swapped atomically, so concurrent callers at worst compile twice.
    private Tuple<IReadOnlyList<string>, RqlPath[]>? _searchPaths;

    private RqlQuery()
    {
    }

    /// <summary><c>limit=</c>, or null when absent or not a non-negative integer.</summary>
    public int? Limit { get; private set; }

    /// <summary><c>offset=</c>, or null when absent or not a non-negative integer.</summary>
    public int? Offset { get; private set; }

    /// <summary><c>search=</c> term, or null.</summary>
    public string? Search { get; private set; }

    /// <summary>Sort keys in order.</summary>
    public IReadOnlyList<RqlSortKey> Ordering { get; private set; } = [];

    /// <summary>Paths named in <c>select(...)</c> without a minus sign (includes hidden-by-default fields).</summary>
    public IReadOnlyList<string> SelectIncluded { get; private set; } = [];

    /// <summary>Paths named in <c>select(-...)</c>: removed from every returned document.</summary>
    public IReadOnlyList<string> SelectExcluded { get; private set; } = [];

    /// <summary>Canonical text of filter + search + ordering (no limit/offset/select): a key for caching results.</summary>
    public string CacheKey { get; private set; } = string.Empty;

    /// <summary>The filter expression (limit/offset/search/ordering/select removed), or null when there is none.</summary>
    internal RqlNode? Filter => _filter;

    /// <summary>Parses the raw (still percent-encoded) query string, without the leading '?'.</summary>
    /// <exception cref="RqlParseException">The query does not parse; the message says where.</exception>
    public static RqlQuery Parse(string? rawQueryString) => Parse(rawQueryString, knownFilters: null);

    /// <summary>
    /// Parses the raw query string; comparisons on property names outside <paramref name="knownFilters"/> (dotted
    /// or as written) are ignored, as real Connect ignores unknown filters. Null means every name is known.
    /// </summary>
    /// <exception cref="RqlParseException">The query does not parse; the message says where.</exception>
    public static RqlQuery Parse(string? rawQueryString, IReadOnlySet<string>? knownFilters) =>
        Parse(rawQueryString, knownFilters, aliases: null);

    /// <summary>
    /// Parses the raw query string like <see cref="Parse(string?, IReadOnlySet{string}?)"/>, then points comparisons on
    /// a name in <paramref name="aliases"/> (dotted) at the path it maps to (e.g. <c>asset_id</c> → <c>asset.id</c>).
    /// </summary>
    /// <exception cref="RqlParseException">The query does not parse; the message says where.</exception>
    public static RqlQuery Parse(string? rawQueryString, IReadOnlySet<string>? knownFilters, IReadOnlyDictionary<string, string>? aliases)
    {
        var query = new RqlQuery();
        if (string.IsNullOrEmpty(rawQueryString))
        {
            query.CacheKey = BuildCacheKey(null, null, []);
            return query;
        }

        var raw = rawQueryString.StartsWith('?') ? rawQueryString[1..] : rawQueryString;
        if (raw.Length > RqlParser.MaxLength * 3)
        {
            throw new RqlParseException(
                $"RQL parse error at position {RqlParser.MaxLength}: the query is longer than {RqlParser.MaxLength} characters.",
                RqlParser.MaxLength);
        }

        // Once, like urllib.parse.unquote (not unquote_plus): '+' stays a plus, which ordering(+a) relies on.
        var decoded = Uri.UnescapeDataString(raw);
        var tree = RqlParser.Parse(decoded);

        var ordering = new List<RqlSortKey>();
        var included = new List<string>();
        var excluded = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        query._filter = tree is null ? null : query.Extract(tree, topLevel: true, ordering, included, excluded, seen);
        if (knownFilters is not null && query._filter is not null)
        {
            query._filter = DropUnknown(query._filter, knownFilters);
        }

        if (aliases is { Count: > 0 } && query._filter is not null)
        {
            query._filter = Alias(query._filter, aliases);
        }

        query.Ordering = ordering;
        query.SelectIncluded = included;
        query.SelectExcluded = excluded;
        if (query.Search is not null)
        {
            query._searchPattern = RqlLikePattern.Contains(query.Search, ignoreCase: true);
        }

        query.CacheKey = BuildCacheKey(query._filter, query.Search, ordering);
        return query;
    }

    /// <summary>True when the document satisfies the filter (always true without a filter).</summary>
    public bool Matches(JsonNode document) => _filter is null || _filter.Matches(document);

    /// <summary>True when <see cref="Search"/> is null or matches (case-insensitive substring) one of the given fields.</summary>
    public bool MatchesSearch(JsonNode document, IReadOnlyList<string> searchFields)
    {
        if (_searchPattern is null)
        {
            return true;
        }

        var cached = _searchPaths;
        if (cached is null || !ReferenceEquals(cached.Item1, searchFields))
        {
            var paths = new RqlPath[searchFields.Count];
            for (var i = 0; i < paths.Length; i++)
            {
                paths[i] = RqlPath.Create(searchFields[i]);
            }

            cached = Tuple.Create(searchFields, paths);
            _searchPaths = cached;
        }

        foreach (var path in cached.Item2)
        {
            if (AnyText(document, path, 0, _searchPattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the documents in the order <see cref="Ordering"/> asks for (stable; input order otherwise).</summary>
    public IEnumerable<JsonNode> Sort(IEnumerable<JsonNode> documents)
    {
        if (Ordering.Count == 0)
        {
            return documents;
        }

        var items = documents.ToArray();
        var paths = new RqlPath[Ordering.Count];
        for (var k = 0; k < paths.Length; k++)
        {
            paths[k] = RqlPath.Create(Ordering[k].Path);
        }

        var keys = new RqlSortValue[items.Length * paths.Length];
        for (var i = 0; i < items.Length; i++)
        {
            for (var k = 0; k < paths.Length; k++)
            {
                keys[(i * paths.Length) + k] = RqlSortValue.From(paths[k].FirstValue(items[i]));
            }
        }

        var order = new int[items.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < paths.Length; k++)
            {
                var c = keys[(a * paths.Length) + k].CompareTo(keys[(b * paths.Length) + k]);
                if (c != 0)
                {
                    return Ordering[k].Descending ? -c : c;
                }
            }

            return a.CompareTo(b); // stable
        });

        var sorted = new JsonNode[items.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = items[order[i]];
        }

        return sorted;
    }

    /// <summary>
    /// Returns a copy of <paramref name="document"/> with <see cref="SelectExcluded"/> paths removed and the
    /// <paramref name="hiddenByDefault"/> paths removed unless named in <see cref="SelectIncluded"/>.
    /// </summary>
    public JsonNode Project(JsonNode document, IReadOnlyCollection<string> hiddenByDefault)
    {
        var copy = document.DeepClone();
        foreach (var hidden in hiddenByDefault)
        {
            if (!IsIncluded(hidden))
            {
                RqlPath.Create(hidden).RemoveFrom(copy);
            }
        }

        foreach (var path in SelectExcluded)
        {
            RqlPath.Create(path).RemoveFrom(copy);
        }

        return copy;
    }

    /// <summary>
    /// True when <paramref name="path"/>, or something inside it, is named in <c>select(...)</c> (a hidden field is
    /// returned then: <c>select(pending_request.template)</c> needs <c>pending_request</c>).
    /// </summary>
    public bool Selects(string path) => IsIncluded(path);

    private bool IsIncluded(string hidden)
    {
        var normalized = RqlPath.Create(hidden).Text;
        foreach (var included in SelectIncluded)
        {
            if (string.Equals(included, normalized, StringComparison.Ordinal)
                || (included.Length > normalized.Length && included[normalized.Length] == '.'
                    && included.StartsWith(normalized, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyText(JsonNode? node, RqlPath path, int index, RqlLikePattern pattern)
    {
        var segments = path.Segments;
        while (index < segments.Count)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(segments[index], out node))
                    {
                        return false;
                    }

                    index++;
                    break;
                case JsonArray array:
                    foreach (var element in array)
                    {
                        if (AnyText(element, path, index, pattern))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        switch (node)
        {
            case JsonValue value:
                var text = RqlCompare.TextOf(value);
                return text is not null && pattern.IsMatch(text);
            case JsonArray leaves:
                foreach (var element in leaves)
                {
                    if (element is JsonValue elementValue && RqlCompare.TextOf(elementValue) is { } elementText && pattern.IsMatch(elementText))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // Pulls limit/offset/search/ordering/select out of the top-level conjunction (django-rql's transformers do the
    // same); anywhere else they are an error. Returns the remaining filter, or null.
    private RqlNode? Extract(RqlNode node, bool topLevel, List<RqlSortKey> ordering, List<string> included, List<string> excluded, HashSet<string> seen)
    {
        switch (node)
        {
            case RqlAndNode and:
                var kept = new List<RqlNode>();
                foreach (var child in and.Children)
                {
                    if (Extract(child, topLevel, ordering, included, excluded, seen) is { } remaining)
                    {
                        kept.Add(remaining);
                    }
                }

                return kept.Count switch
                {
                    0 => null,
                    1 => kept[0],
                    _ => new RqlAndNode(kept, and.Position),
                };
            case RqlOrNode or:
                var alternatives = new List<RqlNode>();
                foreach (var child in or.Children)
                {
                    alternatives.Add(Extract(child, false, ordering, included, excluded, seen)!);
                }

                return new RqlOrNode(alternatives, or.Position);
            case RqlNotNode not:
                return new RqlNotNode(Extract(not.Child, false, ordering, included, excluded, seen)!, not.Position);
            case RqlOrderingNode order:
                RequireTopLevel(topLevel, "ordering", order.Position);
                ordering.AddRange(order.Keys);
                return null;
            case RqlSelectNode select:
                RequireTopLevel(topLevel, "select", select.Position);
                included.AddRange(select.Included);
                excluded.AddRange(select.Excluded);
                return null;
            case RqlComparisonNode comparison when ReservedNames.Contains(comparison.Path.Text):
                var name = comparison.Path.Text;
                RequireTopLevel(topLevel, name, comparison.Position);
                if (comparison.Operator != RqlOperator.Eq)
                {
                    throw new RqlParseException(
                        $"RQL parse error at position {comparison.Position}: '{name}' only supports eq (e.g. {name}=10).", comparison.Position);
                }

                if (!seen.Add(name))
                {
                    throw new RqlParseException(
                        $"RQL parse error at position {comparison.Position}: '{name}' may appear only once.", comparison.Position);
                }

                var value = comparison.Values[0];
                if (name == "search")
                {
                    Search = value.Kind == RqlValueKind.Text ? value.Text : null;
                }
                else
                {
                    // Bad values fall back to the defaults (django-rql); a well-formed number past int.MaxValue is
                    // past the end of any collection (offset: an empty page; limit: cut down to the maximum).
                    int? number = value.Kind != RqlValueKind.Text ? null
                        : int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                        : value.Text.Length > 0 && value.Text.All(char.IsAsciiDigit) ? int.MaxValue
                        : null;
                    if (name == "limit")
                    {
                        Limit = number;
                    }
                    else
                    {
                        Offset = number;
                    }
                }

                return null;
            default:
                return node;
        }
    }

    private static void RequireTopLevel(bool topLevel, string name, int position)
    {
        if (!topLevel)
        {
            throw new RqlParseException(
                $"RQL parse error at position {position}: '{name}' is only allowed at the top level of the query, not inside or(...)/not(...).",
                position);
        }
    }

    private static RqlNode Alias(RqlNode node, IReadOnlyDictionary<string, string> aliases) => node switch
    {
        RqlComparisonNode comparison => aliases.TryGetValue(comparison.Path.Text, out var target)
            ? comparison.WithPath(RqlPath.Create(target))
            : comparison,
        RqlNotNode not => new RqlNotNode(Alias(not.Child, aliases), not.Position),
        RqlAndNode and => new RqlAndNode([.. and.Children.Select(c => Alias(c, aliases))], and.Position),
        RqlOrNode or => new RqlOrNode([.. or.Children.Select(c => Alias(c, aliases))], or.Position),
        _ => node,
    };

    // Unknown filters are neutral, like django-rql's empty Q(): dropped from and/or, and not(unknown) is unknown too.
    private static RqlNode? DropUnknown(RqlNode node, IReadOnlySet<string> known)
    {
        switch (node)
        {
            case RqlComparisonNode comparison:
                return known.Contains(comparison.Path.Text) || known.Contains(comparison.SourceName) ? node : null;
            case RqlNotNode not:
                return DropUnknown(not.Child, known) is { } inner ? new RqlNotNode(inner, not.Position) : null;
            case RqlAndNode or RqlOrNode:
                var children = node is RqlAndNode a ? a.Children : ((RqlOrNode)node).Children;
                var kept = new List<RqlNode>();
                foreach (var child in children)
                {
                    if (DropUnknown(child, known) is { } remaining)
                    {
                        kept.Add(remaining);
                    }
                }

                return kept.Count switch
                {
                    0 => null,
                    1 => kept[0],
                    _ => node is RqlAndNode ? new RqlAndNode(kept, node.Position) : new RqlOrNode(kept, node.Position),
                };
            default:
                return node;
        }
    }

    private static string BuildCacheKey(RqlNode? filter, string? search, IReadOnlyList<RqlSortKey> ordering)
    {
        var builder = new StringBuilder();
        builder.Append("filter=");
        Normalize(filter)?.Write(builder);
        builder.Append("&search=");
        if (search is not null)
        {
            builder.Append(RqlValue.Quote(search));
        }

        builder.Append("&ordering=");
        builder.AppendJoin(',', ordering.Select(k => (k.Descending ? "-" : "+") + k.Path));
        return builder.ToString();
    }

    /// <summary>
    /// The canonical form of a filter: nested and/or flattened, their operands and in/out lists sorted, duplicates
    /// removed. Evaluation does not depend on operand order, so equal filters written differently share a key.
    /// </summary>
    internal static RqlNode? Normalize(RqlNode? node)
    {
        switch (node)
        {
            case RqlAndNode or RqlOrNode:
                var isAnd = node is RqlAndNode;
                var flat = new List<RqlNode>();
                Flatten(node, isAnd, flat);
                var unique = flat.Select(Normalize).Select(n => (Node: n!, Text: n!.ToString()))
                    .DistinctBy(p => p.Text, StringComparer.Ordinal)
                    .OrderBy(p => p.Text, StringComparer.Ordinal)
                    .Select(p => p.Node)
                    .ToList();
                return unique.Count == 1 ? unique[0] : isAnd ? new RqlAndNode(unique, node.Position) : new RqlOrNode(unique, node.Position);
            case RqlNotNode not:
                return new RqlNotNode(Normalize(not.Child)!, not.Position);
            case RqlComparisonNode comparison:
                return comparison.WithSortedValues();
            default:
                return node;
        }
    }

    private static void Flatten(RqlNode node, bool isAnd, List<RqlNode> into)
    {
        IReadOnlyList<RqlNode>? children = isAnd ? (node as RqlAndNode)?.Children : (node as RqlOrNode)?.Children;
        if (children is null)
        {
            into.Add(node);
            return;
        }

        foreach (var child in children)
        {
            Flatten(child, isAnd, into);
        }
    }
}
