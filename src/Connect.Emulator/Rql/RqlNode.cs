using System.Text;
using System.Text.Json.Nodes;

namespace Connect.Emulator.Rql;

/// <summary>The comparison operators of RQL (<c>ne</c> and <c>out</c> are the negations of <c>eq</c> and <c>in</c>).</summary>
internal enum RqlOperator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    In,
    Out,
    Like,
    Ilike,
}

/// <summary>A node of a parsed RQL expression. <see cref="ToString"/> prints it back as RQL (quoted constants).</summary>
internal abstract class RqlNode
{
    protected RqlNode(int position) => Position = position;

    /// <summary>Offset of the node in the decoded query string (for error messages).</summary>
    public int Position { get; }

    public abstract bool Matches(JsonNode document);

    public abstract void Write(StringBuilder builder);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    public static string Name(RqlOperator op) => op switch
    {
        RqlOperator.Eq => "eq",
        RqlOperator.Ne => "ne",
        RqlOperator.Gt => "gt",
        RqlOperator.Ge => "ge",
        RqlOperator.Lt => "lt",
        RqlOperator.Le => "le",
        RqlOperator.In => "in",
        RqlOperator.Out => "out",
        RqlOperator.Like => "like",
        _ => "ilike",
    };
}

/// <summary><c>and(...)</c>, <c>a&amp;b</c>, top-level <c>a,b</c>, <c>(a;b)</c> is not this (it is or).</summary>
internal sealed class RqlAndNode(IReadOnlyList<RqlNode> children, int position) : RqlNode(position)
{
    private readonly RqlNode[] _children = [.. children];

    public IReadOnlyList<RqlNode> Children => _children;

    public override bool Matches(JsonNode document)
    {
        foreach (var child in _children)
        {
            if (!child.Matches(document))
            {
                return false;
            }
        }

        return true;
    }

    public override void Write(StringBuilder builder) => WriteCall(builder, "and", _children);

    internal static void WriteCall(StringBuilder builder, string name, IReadOnlyList<RqlNode> children)
    {
        builder.Append(name).Append('(');
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            children[i].Write(builder);
        }

        builder.Append(')');
    }
}

/// <summary><c>or(...)</c>, <c>(a|b)</c>, <c>(a;b)</c>.</summary>
internal sealed class RqlOrNode(IReadOnlyList<RqlNode> children, int position) : RqlNode(position)
{
    private readonly RqlNode[] _children = [.. children];

    public IReadOnlyList<RqlNode> Children => _children;

    public override bool Matches(JsonNode document)
    {
        foreach (var child in _children)
        {
            if (child.Matches(document))
            {
                return true;
            }
        }

        return false;
    }

    public override void Write(StringBuilder builder) => RqlAndNode.WriteCall(builder, "or", _children);
}

/// <summary><c>not(...)</c>.</summary>
internal sealed class RqlNotNode(RqlNode child, int position) : RqlNode(position)
{
    public RqlNode Child { get; } = child;

    public override bool Matches(JsonNode document) => !Child.Matches(document);

    public override void Write(StringBuilder builder) => RqlAndNode.WriteCall(builder, "not", [Child]);
}

/// <summary>
/// A comparison of the value(s) at <see cref="Path"/> with constants. Paths that cross arrays match when any
/// element matches. A path that reaches nothing is "no value": it equals <c>null()</c> and <c>empty()</c> and
/// nothing else. Real Connect ignores filters on names a collection does not know; the emulator has no schema,
/// so a typo like <c>eq(unknown,x)</c> matches nothing instead (callers may pass an allow-list to
/// <see cref="RqlQuery.Parse(string?, IReadOnlySet{string}?)"/> to get the real behaviour).
/// </summary>
internal sealed class RqlComparisonNode : RqlNode
{
    private readonly RqlValue[] _values;
    private readonly string[] _segments;
    private readonly RqlLikePattern? _pattern;
    private readonly bool _negated;
    private readonly bool _equality;
    private readonly bool _hasEmpty;

    public RqlComparisonNode(RqlOperator op, RqlPath path, IReadOnlyList<RqlValue> values, RqlLikePattern? pattern, string sourceName, int position)
        : base(position)
    {
        Operator = op;
        Path = path;
        _values = [.. values];
        _pattern = pattern;
        SourceName = sourceName;
        _segments = [.. path.Segments];
        _negated = op is RqlOperator.Ne or RqlOperator.Out;
        _equality = op is RqlOperator.Eq or RqlOperator.Ne or RqlOperator.In or RqlOperator.Out;
        _hasEmpty = Array.Exists(_values, v => v.Kind == RqlValueKind.Empty);
    }

    public RqlOperator Operator { get; }

    public RqlPath Path { get; }

    /// <summary>The property name as written (before <c>__</c> normalization).</summary>
    public string SourceName { get; }

    public IReadOnlyList<RqlValue> Values => _values;

    /// <summary>The same comparison on another property path (a filter name the server maps to a field).</summary>
    public RqlComparisonNode WithPath(RqlPath path) => new(Operator, path, _values, _pattern, SourceName, Position);

    public override bool Matches(JsonNode document)
    {
        var reached = false;
        var any = AnyLeaf(document, 0, ref reached);
        if (!reached)
        {
            any = MissingMatches();
        }

        return _negated ? !any : any;
    }

    public override void Write(StringBuilder builder)
    {
        builder.Append(Name(Operator)).Append('(').Append(Path.Text).Append(',');
        if (Operator is RqlOperator.In or RqlOperator.Out)
        {
            builder.Append('(');
            for (var i = 0; i < _values.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                builder.Append(_values[i]);
            }

            builder.Append(')');
        }
        else
        {
            builder.Append(_values[0]);
        }

        builder.Append(')');
    }

    /// <summary>A copy with the list constants in canonical order (for cache keys).</summary>
    public RqlComparisonNode WithSortedValues()
    {
        if (_values.Length < 2)
        {
            return this;
        }

        var sorted = _values.OrderBy(v => v.ToString(), StringComparer.Ordinal).ToArray();
        return new RqlComparisonNode(Operator, Path, sorted, _pattern, SourceName, Position);
    }

    // Indexed loops, not foreach: JsonArray's enumerator is boxed, and this runs per document.
    private bool AnyLeaf(JsonNode? node, int index, ref bool reached)
    {
        var segments = _segments;
        while (index < segments.Length)
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
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (AnyLeaf(array[i], index, ref reached))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        reached = true;
        return LeafMatches(node);
    }

    private bool MissingMatches()
    {
        if (_equality)
        {
            foreach (var value in _values)
            {
                if (value.Kind != RqlValueKind.Text)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool LeafMatches(JsonNode? leaf)
    {
        switch (leaf)
        {
            case null:
                return MissingMatches();
            case JsonArray array:
                if (_equality && _hasEmpty && array.Count == 0)
                {
                    return true;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue elementValue && ScalarMatches(elementValue))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value:
                return ScalarMatches(value);
            default:
                return false;
        }
    }

    private bool ScalarMatches(JsonValue value)
    {
        switch (Operator)
        {
            case RqlOperator.Eq:
            case RqlOperator.Ne:
            case RqlOperator.In:
            case RqlOperator.Out:
                foreach (var constant in _values)
                {
                    if (constant.Kind == RqlValueKind.Text
                        ? RqlCompare.ValueEquals(value, constant)
                        : constant.Kind == RqlValueKind.Empty && IsEmptyString(value))
                    {
                        return true;
                    }
                }

                return false;
            case RqlOperator.Like:
            case RqlOperator.Ilike:
                var text = RqlCompare.TextOf(value);
                return text is not null && _pattern!.IsMatch(text);
            default:
                var bound = _values[0];
                if (bound.Kind != RqlValueKind.Text || !RqlCompare.TryCompare(value, bound, out var result))
                {
                    return false;
                }

                return Operator switch
                {
                    RqlOperator.Gt => result > 0,
                    RqlOperator.Ge => result >= 0,
                    RqlOperator.Lt => result < 0,
                    _ => result <= 0,
                };
        }
    }

    private static bool IsEmptyString(JsonValue value) =>
        value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length == 0;
}

/// <summary><c>ordering(...)</c>, <c>order_by=</c>, <c>ordering=</c>: pulled out of the filter by the query.</summary>
internal sealed class RqlOrderingNode(IReadOnlyList<RqlSortKey> keys, int position) : RqlNode(position)
{
    public IReadOnlyList<RqlSortKey> Keys { get; } = keys;

    public override bool Matches(JsonNode document) => true;

    public override void Write(StringBuilder builder)
    {
        builder.Append("ordering(").AppendJoin(',', Keys.Select(k => (k.Descending ? "-" : "") + k.Path)).Append(')');
    }
}

/// <summary><c>select(...)</c>: pulled out of the filter by the query.</summary>
internal sealed class RqlSelectNode(IReadOnlyList<string> included, IReadOnlyList<string> excluded, int position) : RqlNode(position)
{
    public IReadOnlyList<string> Included { get; } = included;

    public IReadOnlyList<string> Excluded { get; } = excluded;

    public override bool Matches(JsonNode document) => true;

    public override void Write(StringBuilder builder)
    {
        builder.Append("select(").AppendJoin(',', Included.Concat(Excluded.Select(e => "-" + e))).Append(')');
    }
}
