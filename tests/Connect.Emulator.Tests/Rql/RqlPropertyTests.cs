using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Rql;
using CsCheck;

namespace Connect.Emulator.Tests.Rql;

/// <summary>
/// Property-based tests: arbitrary text never makes the parser throw anything but <see cref="RqlParseException"/>,
/// and a random expression tree printed as RQL (in any of the equivalent surface forms) parses back to the same tree.
/// </summary>
public sealed class RqlPropertyTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {"id":"PR-1","status":"pending","a":{"b":[{"c":"1"},{"c":"x y"}]},"n":3,"t":true,"z":null,"e":[],
         "created":"2021-03-19T12:21:32+00:00"}
        """)!;

    private static readonly Gen<string> RqlishText =
        Gen.String[Gen.Char["()&|;,=!<>eqnltgiadorsmpyuxk\"'*\\-.+_%0123456789 abcdefz"], 0, 80];

    private static readonly Gen<string> AsciiText = Gen.String[Gen.Char['\0', '\u007f'], 0, 120];

    [Fact]
    public void Parse_RandomAscii_ThrowsOnlyParseErrors()
    {
        AsciiText.Sample(ParseAndUse, iter: 20_000);
    }

    [Fact]
    public void Parse_RandomRqlAlphabet_ThrowsOnlyParseErrors()
    {
        RqlishText.Sample(ParseAndUse, iter: 50_000);
    }

    [Fact]
    public void Parse_RandomUnicode_ThrowsOnlyParseErrors()
    {
        Gen.String.Sample(ParseAndUse, iter: 10_000);
    }

    [Fact]
    public void Parse_PrintedRandomTree_ParsesBackToEqualTree()
    {
        var gen = NodeGen(3).SelectMany(tree => Gen.Int[0, int.MaxValue].Select(seed => (tree, seed)));

        gen.Sample(
            sample =>
            {
                var (tree, seed) = sample;
                var text = new Printer(new Random(seed)).PrintTop(tree);

                var parsed = RqlQuery.Parse(text);

                Assert.Equal(tree.Expected(), parsed.Filter?.ToString());
            },
            iter: 5_000,
            print: sample => sample.tree.Expected() + " printed as " + new Printer(new Random(sample.seed)).PrintTop(sample.tree));
    }

    [Fact]
    public void CacheKey_PrintedRandomTreeTwoWays_SameKey()
    {
        var gen = NodeGen(3).SelectMany(tree => Gen.Int[0, int.MaxValue].Select(seed => (tree, seed)));

        gen.Sample(
            sample =>
            {
                var first = RqlQuery.Parse(new Printer(new Random(sample.seed)).PrintTop(sample.tree));
                var second = RqlQuery.Parse(new Printer(new Random(sample.seed ^ 0x5bd1e995)).PrintTop(sample.tree));

                Assert.Equal(first.CacheKey, second.CacheKey);
            },
            iter: 2_000);
    }

    private static void ParseAndUse(string text)
    {
        RqlQuery query;
        try
        {
            query = RqlQuery.Parse(text);
        }
        catch (RqlParseException error)
        {
            Assert.InRange(error.Position, 0, text.Length * 3);
            Assert.False(string.IsNullOrEmpty(error.Message));
            return;
        }

        // Whatever parses must also evaluate without throwing.
        _ = query.Matches(Document);
        _ = query.MatchesSearch(Document, ["id", "a.b.c"]);
        _ = query.Sort([Document, Document]).Count();
        _ = query.Project(Document, ["a.b.c"]);
        Assert.NotNull(query.CacheKey);
    }

    // ---- the test's own model of an RQL tree, its expected dump, and a printer with random surface forms ----

    private abstract record TNode
    {
        public abstract string Expected();
    }

    private sealed record TValue(RqlValueKind Kind, string Text)
    {
        public string Expected() => Kind switch
        {
            RqlValueKind.Null => "null()",
            RqlValueKind.Empty => "empty()",
            _ => "\"" + Text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        };
    }

    private sealed record TComparison(string Op, string Property, TValue[] Values) : TNode
    {
        public override string Expected() => Op is "in" or "out"
            ? $"{Op}({Property},({string.Join(',', Values.Select(v => v.Expected()))}))"
            : $"{Op}({Property},{Values[0].Expected()})";
    }

    private sealed record TLogic(string Op, TNode[] Children) : TNode
    {
        public override string Expected() => $"{Op}({string.Join(',', Children.Select(c => c.Expected()))})";
    }

    private static readonly Gen<string> Identifier =
        Gen.Char['a', 'z'].SelectMany(first => Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_"], 0, 6]
                .Select(rest => first + rest))
            .Where(s => !s.Contains("__") && s is not ("limit" or "offset" or "search" or "ordering" or "order_by"));

    private static readonly Gen<string> Property =
        Identifier.Array[1, 3].Select(parts => string.Join('.', parts));

    // Unquoted values: [\w\-*+\\][\w.\s\-:+@*\\]*  (no '%': the printer encodes it).
    private static readonly Gen<string> UnquotedText =
        Gen.Char["abcXYZ019_-+\\*"].SelectMany(first => Gen.String[Gen.Char["abcXYZ019_.- :+@*\\"], 0, 8].Select(rest => first + rest));

    // Quoted values: anything printable but the quote characters themselves (the printer picks the other one).
    private static readonly Gen<string> QuotedText = Gen.String[Gen.Char["abc ,()&|;=!'.%é*"], 0, 8];

    private static readonly Gen<TValue> Value = Gen.Frequency(
        (6, UnquotedText.Select(t => new TValue(RqlValueKind.Text, t))),
        (3, QuotedText.Select(t => new TValue(RqlValueKind.Text, t))),
        (1, Gen.Const(new TValue(RqlValueKind.Null, "null()"))),
        (1, Gen.Const(new TValue(RqlValueKind.Empty, "empty()"))));

    // like/ilike: no '**', so stars only as single wildcards between literal runs.
    private static readonly Gen<TValue> LikeValue =
        Gen.String[Gen.Char["abcXYZ019"], 0, 4].Array[1, 3]
            .Select(parts => new TValue(RqlValueKind.Text, string.Join('*', parts)))
            .Where(v => !v.Text.Contains("**"));

    private static readonly Gen<TNode> Comparison = Gen.Frequency(
        (6, Gen.OneOf("eq", "ne", "gt", "ge", "lt", "le")
            .SelectMany(op => Property.SelectMany(p => Value.Select(v => (TNode)new TComparison(op, p, [v]))))),
        (2, Gen.OneOf("in", "out")
            .SelectMany(op => Property.SelectMany(p => Value.Array[1, 4].Select(vs => (TNode)new TComparison(op, p, vs))))),
        (2, Gen.OneOf("like", "ilike")
            .SelectMany(op => Property.SelectMany(p => LikeValue.Select(v => (TNode)new TComparison(op, p, [v]))))));

    private static Gen<TNode> NodeGen(int depth)
    {
        if (depth == 0)
        {
            return Comparison;
        }

        var child = NodeGen(depth - 1);
        return Gen.Frequency(
            (4, Comparison),
            (2, Gen.OneOf("and", "or").SelectMany(op => child.Array[2, 4].Select(cs => (TNode)new TLogic(op, cs)))),
            (1, child.Select(c => (TNode)new TLogic("not", [c]))));
    }

    private sealed class Printer(Random random)
    {
        public string PrintTop(TNode node)
        {
            string text;
            if (node is TLogic { Op: "and" } and && random.Next(2) == 0)
            {
                // Top-level conjunction: t1&t2 or t1,t2
                var separator = random.Next(2) == 0 ? "&" : ",";
                text = string.Join(separator, and.Children.Select(Print));
            }
            else
            {
                text = Print(node);
            }

            return Encode(text);
        }

        // Every form printed here is self-contained: it parses to exactly one node wherever it appears.
        private string Print(TNode node)
        {
            var text = node switch
            {
                TComparison comparison => PrintComparison(comparison),
                TLogic { Op: "not" } not => $"not({Print(not.Children[0])})",
                TLogic logic => PrintLogic(logic),
                _ => throw new InvalidOperationException(),
            };
            return random.Next(8) == 0 ? $"({text})" : text;
        }

        private string PrintLogic(TLogic logic)
        {
            var children = logic.Children.Select(Print);
            if (random.Next(2) == 0)
            {
                return $"{logic.Op}({string.Join(',', children)})";
            }

            var separator = logic.Op == "and"
                ? (random.Next(2) == 0 ? "&" : ",")
                : (random.Next(2) == 0 ? "|" : ";");
            return $"({string.Join(separator, children)})";
        }

        private string PrintComparison(TComparison c)
        {
            var list = c.Op is "in" or "out";
            var values = list ? "(" + string.Join(',', c.Values.Select(PrintValue)) + ")" : PrintValue(c.Values[0]);
            return random.Next(3) switch
            {
                0 when c.Op == "eq" => $"{c.Property}={values}",
                1 => $"{c.Property}={c.Op}={values}",
                _ => $"{c.Op}({c.Property},{values})",
            };
        }

        private string PrintValue(TValue value)
        {
            if (value.Kind != RqlValueKind.Text)
            {
                return value.Text;
            }

            var text = value.Text;
            var mustQuote = text.Length == 0 || !IsUnquoted(text);
            if (!mustQuote && random.Next(4) != 0)
            {
                return text;
            }

            return random.Next(2) == 0 && !text.Contains('\'') ? $"'{text}'" : $"\"{text}\"";
        }

        private static bool IsUnquoted(string text)
        {
            static bool Word(char ch) => char.IsLetterOrDigit(ch) || ch == '_';
            if (!(Word(text[0]) || text[0] is '-' or '*' or '+' or '\\'))
            {
                return false;
            }

            return text.Skip(1).All(ch => Word(ch) || char.IsWhiteSpace(ch) || ch is '.' or '-' or ':' or '+' or '@' or '*' or '\\');
        }

        // Percent-encode like a client would: '%' always, and randomly the characters browsers escape.
        private string Encode(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                var s = rune.ToString();
                if (s == "%" || ((s is " " or "\"" or "'" or "|" or "é" || random.Next(20) == 0) && random.Next(2) == 0) || s == "é")
                {
                    builder.Append(Uri.EscapeDataString(s) is var escaped && escaped != s ? escaped : string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:X2}")));
                }
                else
                {
                    builder.Append(s);
                }
            }

            return builder.ToString();
        }
    }
}
