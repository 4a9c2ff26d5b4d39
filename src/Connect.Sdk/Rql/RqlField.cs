namespace Connect.Sdk.Rql;

/// <summary>A property to compare; every method returns an <see cref="RqlExpression"/>.</summary>
public sealed class RqlField
{
    private readonly string _property;

    internal RqlField(string property) => _property = property;

    /// <summary><c>eq(prop,value)</c>; a <see langword="null"/> value gives <c>eq(prop,null())</c>.</summary>
    /// <param name="value">String, number, boolean or date.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Eq(object? value) => Compare("eq", value);

    /// <summary><c>ne(prop,value)</c>.</summary>
    /// <param name="value">Value.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Ne(object? value) => Compare("ne", value);

    /// <summary><c>gt(prop,value)</c>.</summary>
    /// <param name="value">Value.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Gt(object value) => Compare("gt", value);

    /// <summary><c>ge(prop,value)</c>.</summary>
    /// <param name="value">Value.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Ge(object value) => Compare("ge", value);

    /// <summary><c>lt(prop,value)</c>.</summary>
    /// <param name="value">Value.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Lt(object value) => Compare("lt", value);

    /// <summary><c>le(prop,value)</c>.</summary>
    /// <param name="value">Value.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Le(object value) => Compare("le", value);

    /// <summary><c>in(prop,(a,b))</c>.</summary>
    /// <param name="values">Values.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public RqlExpression In(params IEnumerable<string> values) => List("in", values);

    /// <summary><c>out(prop,(a,b))</c>.</summary>
    /// <param name="values">Values.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a null.</exception>
    public RqlExpression Out(params IEnumerable<string> values) => List("out", values);

    /// <summary><c>like(prop,pattern)</c>: <c>*</c> is the wildcard, <c>\*</c> a literal star.</summary>
    /// <param name="pattern">Pattern.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Like(string pattern) => Compare("like", pattern);

    /// <summary><c>ilike(prop,pattern)</c>: case-insensitive <see cref="Like"/>.</summary>
    /// <param name="pattern">Pattern.</param>
    /// <returns>The expression.</returns>
    public RqlExpression ILike(string pattern) => Compare("ilike", pattern);

    /// <summary><c>eq(prop,null())</c>, or <c>ne(prop,null())</c> when <paramref name="isNull"/> is false.</summary>
    /// <param name="isNull">Whether the property must be null.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Null(bool isNull = true) => new RqlComparison(isNull ? "eq" : "ne", _property, RqlConstant.Null.Text);

    /// <summary><c>eq(prop,empty())</c>, or <c>ne(prop,empty())</c> when <paramref name="isEmpty"/> is false.</summary>
    /// <param name="isEmpty">Whether the property must be empty.</param>
    /// <returns>The expression.</returns>
    public RqlExpression Empty(bool isEmpty = true) => new RqlComparison(isEmpty ? "eq" : "ne", _property, RqlConstant.Empty.Text);

    private RqlComparison Compare(string op, object? value) => new(op, _property, RqlExpression.FormatValue(value));

    private RqlComparison List(string op, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var formatted = values.Select(v => RqlExpression.FormatValue(v ?? throw new ArgumentException($"{op}({_property}, ...) cannot take a null value.", nameof(values)))).ToList();
        if (formatted.Count == 0)
        {
            // The grammar has no empty tuple: the server answers 400 to in(prop,()).
            throw new ArgumentException($"{op}({_property}, ...) needs at least one value; RQL has no empty list.", nameof(values));
        }

        return new RqlComparison(op, _property, "(" + string.Join(',', formatted) + ")");
    }
}
