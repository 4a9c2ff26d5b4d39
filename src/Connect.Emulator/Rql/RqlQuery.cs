using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

// DEVELOPMENT SCAFFOLD: this fixes the surface the emulator's endpoints program against.
// The RQL work (branch `rql`) replaces the body with the full parser and evaluator; the members stay.

/// <summary>One sort key of <c>ordering(...)</c> / <c>order_by=</c>.</summary>
internal sealed record RqlSortKey(string Path, bool Descending);

/// <summary>A query string that is not valid RQL; <see cref="Position"/> is the 0-based offset in the decoded string.</summary>
internal sealed class RqlParseException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>The whole query string of a list call, parsed as one RQL expression (contract §4.3-§4.7).</summary>
internal sealed class RqlQuery
{
    private readonly List<KeyValuePair<string, string>> _equals = [];

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

    /// <summary>Parses the raw (still percent-encoded) query string, without the leading '?'.</summary>
    /// <exception cref="RqlParseException">The query does not parse; the message says where.</exception>
    public static RqlQuery Parse(string? rawQueryString)
    {
        var query = new RqlQuery();
        if (string.IsNullOrEmpty(rawQueryString))
        {
            return query;
        }

        var decoded = Uri.UnescapeDataString(rawQueryString.TrimStart('?'));
        foreach (var part in decoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new RqlParseException($"Unsupported RQL term '{part}'.", 0);
            }

            var key = part[..eq];
            var value = part[(eq + 1)..];
            switch (key)
            {
                case "limit":
                    query.Limit = int.TryParse(value, out var l) && l >= 0 ? l : null;
                    break;
                case "offset":
                    query.Offset = int.TryParse(value, out var o) && o >= 0 ? o : null;
                    break;
                case "search":
                    query.Search = value;
                    break;
                default:
                    query._equals.Add(new(key.Replace("__", ".", StringComparison.Ordinal), value));
                    break;
            }
        }

        query.CacheKey = string.Join("&", query._equals.Select(kv => kv.Key + "=" + kv.Value)) + "|" + query.Search;
        return query;
    }

    /// <summary>True when the document satisfies the filter (always true without a filter).</summary>
    public bool Matches(JsonNode document)
    {
        foreach (var (path, value) in _equals)
        {
            JsonNode? node = document;
            foreach (var segment in path.Split('.'))
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            }

            if (node is not JsonValue jv || jv.ToString() != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <see cref="Search"/> is null or matches (case-insensitive substring) one of the given fields.</summary>
    public bool MatchesSearch(JsonNode document, IReadOnlyList<string> searchFields) => Search is null;

    /// <summary>Returns the documents in the order <see cref="Ordering"/> asks for (stable; input order otherwise).</summary>
    public IEnumerable<JsonNode> Sort(IEnumerable<JsonNode> documents) => documents;

    /// <summary>
    /// Returns a copy of <paramref name="document"/> with <see cref="SelectExcluded"/> paths removed and the
    /// <paramref name="hiddenByDefault"/> paths removed unless named in <see cref="SelectIncluded"/>.
    /// </summary>
    public JsonNode Project(JsonNode document, IReadOnlyCollection<string> hiddenByDefault) => document.DeepClone();
}
