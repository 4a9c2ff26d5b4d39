namespace Connect.Emulator.Rql;

/// <summary>
/// A recursive-descent parser for the RQL dialect of lib-rql / django-rql (contract/api-contract.md section 4.4), over the decoded query
/// string. Linear in the input; nesting is capped at <see cref="MaxDepth"/> so hostile input cannot exhaust the stack.
/// Precedence inside parentheses: <c>&amp;</c> and <c>,</c> (and) bind tighter than <c>|</c> and <c>;</c> (or, as in
/// lib-rql's grammar). Outside parentheses only and-separators are allowed.
/// </summary>
/// <remarks>
/// Longer than 400 lines on purpose: one production per method, calling each other, over one cursor. Split across
/// files the grammar could no longer be read top to bottom.
/// </remarks>
internal sealed class RqlParser
{
    /// <summary>Deepest nesting of parentheses and calls accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest decoded query accepted (Kestrel's request-line limit is far below it).</summary>
    public const int MaxLength = 65_536;

    private readonly string _text;
    private int _position;
    private int _depth;

    private RqlParser(string text) => _text = text;

    /// <summary>Parses a decoded query string; null for an empty one.</summary>
    /// <exception cref="RqlParseException">The text is not valid RQL.</exception>
    public static RqlNode? Parse(string decoded)
    {
        if (decoded.Length > MaxLength)
        {
            throw new RqlParseException(
                $"RQL parse error at position {MaxLength}: the query is longer than {MaxLength} characters.", MaxLength);
        }

        return new RqlParser(decoded).ParseTop();
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private RqlNode? ParseTop()
    {
        var terms = new List<RqlNode>();
        var start = _position;
        while (true)
        {
            // Stray '&' (a trailing one, or '&&') is an empty query-string parameter; browsers and curl produce them.
            while (!AtEnd && Current == '&')
            {
                _position++;
            }

            if (AtEnd)
            {
                break;
            }

            terms.Add(ParseTerm());
            if (AtEnd)
            {
                break;
            }

            switch (Current)
            {
                case '&':
                    continue;
                case ',':
                    _position++;
                    continue;
                case '|':
                case ';':
                    throw Error("'&' or ',' ('|' and ';' are only allowed inside parentheses)");
                case ')':
                    throw Error("'&', ',' or the end of the query (unbalanced ')')");
                default:
                    throw Error("'&', ',' or the end of the query");
            }
        }

        return terms.Count switch
        {
            0 => null,
            1 => terms[0],
            _ => new RqlAndNode(terms, start),
        };
    }

    // After '(' has been consumed.
    private RqlNode ParseGroup(int start)
    {
        var alternatives = new List<RqlNode> { ParseAndChain(commaIsAnd: true) };
        while (!AtEnd && (Current == '|' || Current == ';'))
        {
            _position++;
            alternatives.Add(ParseAndChain(commaIsAnd: true));
        }

        Expect(')', "')', '&', ',', '|' or ';'");
        return alternatives.Count == 1 ? alternatives[0] : new RqlOrNode(alternatives, start);
    }

    private RqlNode ParseAndChain(bool commaIsAnd)
    {
        var start = _position;
        var first = ParseTerm();
        if (AtEnd || !(Current == '&' || (commaIsAnd && Current == ',')))
        {
            return first;
        }

        var terms = new List<RqlNode> { first };
        while (!AtEnd && (Current == '&' || (commaIsAnd && Current == ',')))
        {
            _position++;
            terms.Add(ParseTerm());
        }

        return new RqlAndNode(terms, start);
    }

    private RqlNode ParseTerm()
    {
        if (AtEnd)
        {
            throw Error("a term (a comparison, a call or '(')");
        }

        var start = _position;
        if (Current == '(')
        {
            _position++;
            Enter(start);
            var group = ParseGroup(start);
            _depth--;
            return group;
        }

        if (!char.IsAsciiLetter(Current))
        {
            throw Error("a term (a property name, a call such as eq(...) or '(')");
        }

        var name = ReadName();
        if (!AtEnd && Current == '(')
        {
            return ParseCall(name, start);
        }

        if (!AtEnd && Current == '=')
        {
            return ParseKeyValue(name, start);
        }

        throw Error($"'(' or '=' after '{Shorten(name)}'");
    }

    private RqlNode ParseCall(string name, int start)
    {
        var parenthesis = _position;
        _position++;
        Enter(start);
        RqlNode node;
        switch (name)
        {
            case "eq" or "ne" or "gt" or "ge" or "lt" or "le" or "like" or "ilike":
                {
                    var (path, source) = ExpectProperty();
                    Expect(',', "','");
                    var valueStart = _position;
                    var value = ParseValue();
                    node = Comparison(ParseOperator(name), path, source, [value], valueStart, start);
                    break;
                }

            case "in" or "out":
                {
                    var (path, source) = ExpectProperty();
                    Expect(',', "','");
                    var values = ParseValueList();
                    node = Comparison(ParseOperator(name), path, source, values, start, start);
                    break;
                }

            case "and" or "or":
                {
                    var args = new List<RqlNode> { ParseAndChain(commaIsAnd: false) };
                    while (!AtEnd && Current == ',')
                    {
                        _position++;
                        args.Add(ParseAndChain(commaIsAnd: false));
                    }

                    node = args.Count == 1 ? args[0] : name == "and" ? new RqlAndNode(args, start) : new RqlOrNode(args, start);
                    break;
                }

            case "not":
                node = new RqlNotNode(ParseAndChain(commaIsAnd: false), start);
                break;
            case "ordering":
                {
                    var keys = new List<RqlSortKey>();
                    foreach (var (path, descending) in ParseSignedProperties())
                    {
                        keys.Add(new RqlSortKey(path, descending));
                    }

                    node = new RqlOrderingNode(keys, start);
                    break;
                }

            case "select":
                {
                    var included = new List<string>();
                    var excluded = new List<string>();
                    foreach (var (path, minus) in ParseSignedProperties())
                    {
                        (minus ? excluded : included).Add(path);
                    }

                    node = new RqlSelectNode(included, excluded, start);
                    break;
                }

            case "t":
                throw new RqlParseException(
                    $"RQL parse error at position {start}: tuples t(...) are not supported by the emulator.", start);
            default:
                throw new RqlParseException(
                    $"RQL parse error at position {start}: unknown function '{Shorten(name)}' (expected eq, ne, gt, ge, lt, le, in, out, like, ilike, and, or, not, ordering or select).",
                    start);
        }

        Expect(')', $"')' closing {name}( at position {parenthesis}");
        _depth--;
        return node;
    }

    private RqlNode ParseKeyValue(string name, int start)
    {
        _position++; // '='
        RqlOperator? fiql = null;
        if (!AtEnd && char.IsAsciiLetter(Current))
        {
            var save = _position;
            var word = ReadName();
            if (!AtEnd && Current == '=' && TryParseOperator(word, out var op))
            {
                _position++;
                fiql = op;
            }
            else
            {
                _position = save;
            }
        }

        var valueStart = _position;
        if (fiql is { } explicitOperator)
        {
            var path = RqlPath.Create(name);
            return explicitOperator is RqlOperator.In or RqlOperator.Out
                ? Comparison(explicitOperator, path, name, ParseValueList(), valueStart, start)
                : Comparison(explicitOperator, path, name, [ParseValue()], valueStart, start);
        }

        if (name is "ordering" or "order_by")
        {
            var value = ParseValue();
            return new RqlOrderingNode([ParseSortKey(value, valueStart)], start);
        }

        var (legacyPath, legacyOperator) = MapLegacyName(name);
        if (legacyOperator == RqlOperator.In)
        {
            return Comparison(RqlOperator.In, legacyPath, name, ParseLegacyList(), valueStart, start);
        }

        var constant = ParseValue();
        if (name.EndsWith("__isnull", StringComparison.Ordinal))
        {
            return constant.Text switch
            {
                "True" or "true" or "1" => Comparison(RqlOperator.Eq, legacyPath, name, [RqlValue.Null], valueStart, start),
                "False" or "false" or "0" => Comparison(RqlOperator.Ne, legacyPath, name, [RqlValue.Null], valueStart, start),
                _ => throw new RqlParseException(
                    $"RQL parse error at position {valueStart}: '{Shorten(name)}' expects True or False.", valueStart),
            };
        }

        return Comparison(legacyOperator, legacyPath, name, [constant], valueStart, start);
    }

    private static RqlComparisonNode Comparison(RqlOperator op, RqlPath path, string source, List<RqlValue> values, int valueStart, int start)
    {
        RqlLikePattern? pattern = null;
        if (op is RqlOperator.Like or RqlOperator.Ilike)
        {
            var value = values[0];
            if (value.Kind != RqlValueKind.Text)
            {
                throw new RqlParseException(
                    $"RQL parse error at position {valueStart}: {RqlNode.Name(op)} needs a text pattern, not {value.Text}.", valueStart);
            }

            pattern = RqlLikePattern.TryCompile(value.Text, op == RqlOperator.Ilike, out var offset);
            if (pattern is null)
            {
                throw new RqlParseException(
                    $"RQL parse error at position {valueStart}: '**' is not allowed in a {RqlNode.Name(op)} pattern (offset {offset} of the value); use '*' or '\\*'.",
                    valueStart);
            }
        }

        return new RqlComparisonNode(op, path, values, pattern, source, start);
    }

    /// <summary>django-filter spellings the spec still lists: <c>contract__id__exact</c>, <c>status__in</c>, ...</summary>
    private static (RqlPath Path, RqlOperator Operator) MapLegacyName(string name)
    {
        var split = name.LastIndexOf("__", StringComparison.Ordinal);
        if (split > 0)
        {
            RqlOperator? op = name[(split + 2)..] switch
            {
                "exact" => RqlOperator.Eq,
                "in" => RqlOperator.In,
                "gt" => RqlOperator.Gt,
                "gte" => RqlOperator.Ge,
                "lt" => RqlOperator.Lt,
                "lte" => RqlOperator.Le,
                "isnull" => RqlOperator.Eq,
                _ => null,
            };
            if (op is { } lookup)
            {
                return (RqlPath.Create(name[..split]), lookup);
            }
        }

        return (RqlPath.Create(name), RqlOperator.Eq);
    }

    // key__in=a,b,c: the list ends before the first element that is really the next term (name followed by '=' or '(').
    private List<RqlValue> ParseLegacyList()
    {
        var values = new List<RqlValue> { ParseValue() };
        while (!AtEnd && Current == ',' && !StartsTermAt(_position + 1))
        {
            _position++;
            values.Add(ParseValue());
        }

        return values;
    }

    private bool StartsTermAt(int index)
    {
        if (index >= _text.Length)
        {
            return false;
        }

        if (_text[index] == '(')
        {
            return true;
        }

        if (!char.IsAsciiLetter(_text[index]))
        {
            return false;
        }

        while (index < _text.Length && IsNameChar(_text[index]))
        {
            index++;
        }

        return index < _text.Length && (_text[index] == '=' || _text[index] == '(');
    }

    private List<RqlValue> ParseValueList()
    {
        var listStart = _position;
        Expect('(', "'(' starting the list of values");
        Enter(listStart);
        var values = new List<RqlValue> { ParseValue() };
        while (!AtEnd && Current == ',')
        {
            _position++;
            values.Add(ParseValue());
        }

        Expect(')', "',' or ')' closing the list of values");
        _depth--;
        return values;
    }

    private List<(string Path, bool Minus)> ParseSignedProperties()
    {
        var result = new List<(string, bool)>();
        if (!AtEnd && Current == ')')
        {
            return result;
        }

        while (true)
        {
            var minus = false;
            if (!AtEnd && (Current == '+' || Current == '-'))
            {
                minus = Current == '-';
                _position++;
            }

            var (path, _) = ExpectProperty();
            result.Add((path.Text, minus));
            if (AtEnd || Current != ',')
            {
                return result;
            }

            _position++;
        }
    }

    private static RqlSortKey ParseSortKey(RqlValue value, int position)
    {
        var text = value.Text;
        var descending = text.StartsWith('-');
        var name = descending || text.StartsWith('+') ? text[1..] : text;
        if (value.Kind != RqlValueKind.Text || name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(IsNameChar))
        {
            throw new RqlParseException(
                $"RQL parse error at position {position}: expected a property name to order by, optionally signed with '+' or '-'.", position);
        }

        return new RqlSortKey(RqlPath.Create(name).Text, descending);
    }

    private RqlValue ParseValue()
    {
        if (AtEnd)
        {
            throw Error("a value");
        }

        var c = Current;
        if (c is '"' or '\'')
        {
            var close = _text.IndexOf(c, _position + 1);
            if (close < 0)
            {
                throw Error($"a closing {c} for the quoted value");
            }

            var quoted = _text.Substring(_position + 1, close - _position - 1);
            _position = close + 1;
            return RqlValue.FromText(quoted);
        }

        if (string.CompareOrdinal(_text, _position, "null()", 0, 6) == 0)
        {
            _position += 6;
            return RqlValue.Null;
        }

        if (string.CompareOrdinal(_text, _position, "empty()", 0, 7) == 0)
        {
            _position += 7;
            return RqlValue.Empty;
        }

        if (!IsValueStart(c))
        {
            throw Error("a value (quote values containing special characters with \"...\" or '...')");
        }

        var start = _position;
        _position++;
        while (!AtEnd && IsValueChar(Current))
        {
            _position++;
        }

        return RqlValue.FromText(_text[start.._position]);
    }

    private (RqlPath Path, string Source) ExpectProperty()
    {
        if (AtEnd || !char.IsAsciiLetter(Current))
        {
            throw Error("a property name");
        }

        var name = ReadName();
        return (RqlPath.Create(name), name);
    }

    private string ReadName()
    {
        var start = _position;
        _position++;
        while (!AtEnd && IsNameChar(Current))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void Expect(char c, string expected)
    {
        if (AtEnd || Current != c)
        {
            throw Error(expected);
        }

        _position++;
    }

    private void Enter(int position)
    {
        if (++_depth > MaxDepth)
        {
            throw new RqlParseException(
                $"RQL parse error at position {position}: the expression is nested deeper than {MaxDepth} levels.", position);
        }
    }

    private RqlParseException Error(string expected)
    {
        string found;
        if (AtEnd)
        {
            found = "the end of the query";
        }
        else
        {
            var c = Current;
            found = char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";
        }

        return new RqlParseException($"RQL parse error at position {_position}: expected {expected}, found {found}.", _position);
    }

    private static RqlOperator ParseOperator(string name) =>
        TryParseOperator(name, out var op) ? op : throw new ArgumentOutOfRangeException(nameof(name));

    private static bool TryParseOperator(string name, out RqlOperator op)
    {
        RqlOperator? parsed = name switch
        {
            "eq" => RqlOperator.Eq,
            "ne" => RqlOperator.Ne,
            "gt" => RqlOperator.Gt,
            "ge" => RqlOperator.Ge,
            "lt" => RqlOperator.Lt,
            "le" => RqlOperator.Le,
            "in" => RqlOperator.In,
            "out" => RqlOperator.Out,
            "like" => RqlOperator.Like,
            "ilike" => RqlOperator.Ilike,
            _ => null,
        };
        op = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    // \w as Python's re module defines it (Unicode letters and digits, and '_').
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsNameChar(char c) => IsWordChar(c) || c is '-' or '.';

    private static bool IsValueStart(char c) => IsWordChar(c) || c is '-' or '*' or '+' or '\\';

    private static bool IsValueChar(char c) => IsWordChar(c) || char.IsWhiteSpace(c) || c is '.' or '-' or ':' or '+' or '@' or '*' or '\\';
}
