using System.Globalization;

namespace Connect.Sdk.Rql;

/// <summary>
/// An RQL query (the Python connect-sdk's <c>connect.rql.Query</c>): filters, <c>select</c>, <c>ordering</c>, <c>limit</c> and
/// <c>offset</c>. Methods add to this query and return it for chaining. Listing never changes the caller's query.
/// </summary>
/// <example><code>new Query().In("asset.product.id", ["PRD-1"]).Equal("status", "pending").Ordering("-created")</code></example>
public sealed class Query
{
    private readonly List<RqlExpression> _filters = [];
    private readonly List<string> _select = [];
    private readonly List<string> _ordering = [];

    /// <summary>Creates an empty query.</summary>
    public Query()
    {
    }

    /// <summary>Creates a query holding one expression.</summary>
    /// <param name="expression">Filter expression.</param>
    public Query(RqlExpression expression) => Where(expression);

    /// <summary>Creates a query with an equality filter per entry (the Python connect-sdk's <c>Query(properties)</c>).</summary>
    /// <param name="properties">Property → value.</param>
    public Query(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        foreach (var (key, value) in properties)
        {
            Equal(key, value);
        }
    }

    /// <summary>Page size / number of results requested (<c>limit=</c>), if set.</summary>
    public int? LimitValue { get; private set; }

    /// <summary>Starting offset (<c>offset=</c>), if set.</summary>
    public int? OffsetValue { get; private set; }

    /// <summary>Free-text search term (<c>search=</c>), if set.</summary>
    public string? SearchValue { get; private set; }

    /// <summary>The filter expressions, AND-ed together.</summary>
    public IReadOnlyList<RqlExpression> Filters => _filters;

    /// <summary>Adds a filter expression.</summary>
    /// <param name="expression">Expression.</param>
    /// <returns>This query.</returns>
    public Query Where(RqlExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _filters.Add(expression);
        return this;
    }

    /// <summary><c>eq(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query Equal(string property, object? value) => Where(R.Field(property).Eq(value));

    /// <summary><c>ne(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query NotEqual(string property, object? value) => Where(R.Field(property).Ne(value));

    /// <summary><c>gt(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query Greater(string property, object value) => Where(R.Field(property).Gt(value));

    /// <summary><c>ge(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query GreaterEqual(string property, object value) => Where(R.Field(property).Ge(value));

    /// <summary><c>lt(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query Lesser(string property, object value) => Where(R.Field(property).Lt(value));

    /// <summary><c>le(prop,value)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="value">Value.</param>
    /// <returns>This query.</returns>
    public Query LesserEqual(string property, object value) => Where(R.Field(property).Le(value));

    /// <summary><c>in(prop,(a,b))</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="values">Values.</param>
    /// <returns>This query.</returns>
    public Query In(string property, params IEnumerable<string> values) => Where(R.Field(property).In(values));

    /// <summary><c>out(prop,(a,b))</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="values">Values.</param>
    /// <returns>This query.</returns>
    public Query Out(string property, params IEnumerable<string> values) => Where(R.Field(property).Out(values));

    /// <summary><c>like(prop,pattern)</c> (<c>*</c> wildcard, <c>\*</c> literal star).</summary>
    /// <param name="property">Property.</param>
    /// <param name="pattern">Pattern.</param>
    /// <returns>This query.</returns>
    public Query Like(string property, string pattern) => Where(R.Field(property).Like(pattern));

    /// <summary><c>ilike(prop,pattern)</c>.</summary>
    /// <param name="property">Property.</param>
    /// <param name="pattern">Pattern.</param>
    /// <returns>This query.</returns>
    public Query ILike(string property, string pattern) => Where(R.Field(property).ILike(pattern));

    /// <summary>Sets <c>limit=</c>: the page size when listing, or the number of results of one call.</summary>
    /// <param name="amount">Amount (0 asks for the count only).</param>
    /// <returns>This query.</returns>
    public Query Limit(int amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        LimitValue = amount;
        return this;
    }

    /// <summary>Sets <c>offset=</c>: the index of the first result.</summary>
    /// <param name="offset">Offset.</param>
    /// <returns>This query.</returns>
    public Query Offset(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        OffsetValue = offset;
        return this;
    }

    /// <summary>Sets <c>search=</c>, the free-text search term.</summary>
    /// <param name="term">Term.</param>
    /// <returns>This query.</returns>
    public Query Search(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        SearchValue = term;
        return this;
    }

    /// <summary>Orders by one property (<c>-prop</c> for descending); same as <see cref="Ordering"/> with one property.</summary>
    /// <param name="property">Property.</param>
    /// <returns>This query.</returns>
    public Query OrderBy(string property) => Ordering(property);

    /// <summary><c>ordering(a,-b)</c>: sort by these properties, <c>-</c> for descending, <c>+</c> or nothing for ascending.</summary>
    /// <param name="properties">Properties.</param>
    /// <returns>This query.</returns>
    public Query Ordering(params IEnumerable<string> properties) => AddSigned(_ordering, properties);

    /// <summary><c>select(a,-b)</c>: add fields (hidden by default) or remove them with <c>-</c>.</summary>
    /// <param name="attributes">Attributes.</param>
    /// <returns>This query.</returns>
    public Query Select(params IEnumerable<string> attributes) => AddSigned(_select, attributes);

    /// <summary>A copy of this query.</summary>
    /// <returns>The copy.</returns>
    public Query Clone()
    {
        var copy = new Query { LimitValue = LimitValue, OffsetValue = OffsetValue, SearchValue = SearchValue };
        copy._filters.AddRange(_filters);
        copy._select.AddRange(_select);
        copy._ordering.AddRange(_ordering);
        return copy;
    }

    /// <summary>
    /// The query string (without <c>?</c>): <c>select(...)</c>, the filters joined by <c>&amp;</c>,
    /// <c>ordering(...)</c>, then <c>limit=</c>, <c>offset=</c> and <c>search=</c>.
    /// </summary>
    /// <returns>The URL-ready query string.</returns>
    public string Compile() => Compile(LimitValue, OffsetValue);

    /// <inheritdoc cref="Compile()"/>
    public override string ToString() => Compile();

    internal string Compile(int? limit, int? offset)
    {
        var parts = new List<string>();
        if (_select.Count > 0)
        {
            parts.Add("select(" + string.Join(',', _select) + ")");
        }

        parts.AddRange(_filters.Select(f => f.ToString()));
        if (_ordering.Count > 0)
        {
            parts.Add("ordering(" + string.Join(',', _ordering) + ")");
        }

        if (limit is { } l)
        {
            parts.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        if (offset is { } o)
        {
            parts.Add("offset=" + o.ToString(CultureInfo.InvariantCulture));
        }

        if (SearchValue is { } search)
        {
            parts.Add("search=" + RqlExpression.Encode(search));
        }

        return string.Join('&', parts);
    }

    private Query AddSigned(List<string> target, IEnumerable<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        foreach (var property in properties)
        {
            ArgumentException.ThrowIfNullOrEmpty(property, nameof(properties));
            var sign = property[0] is '-' or '+' ? property[..1] : string.Empty;
            target.Add(sign + RqlExpression.CheckProperty(property[sign.Length..]));
        }

        return this;
    }
}
