using System.Text;
using Connect.Emulator.Rql;
using Connect.Sdk;
using CsCheck;
using Connect.Sdk.Rql;

namespace Connect.Reliability.Tests;

/// <summary>The SDK's RQL writer against the emulator's RQL parser, on random trees and random text.</summary>
public sealed class RqlPropertyTests
{
    private static readonly string[] Reserved = ["limit", "offset", "search", "ordering", "select", "and", "or", "not", "eq", "ne", "in", "out", "like", "ilike", "gt", "ge", "lt", "le"];

    private static readonly Gen<string> Segment =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_"], 0, 6], (c, rest) => c + rest)
            .Where(s => !Reserved.Contains(s) && !s.Contains("__", StringComparison.Ordinal)); // a__b is the legacy spelling of a.b

    private static readonly Gen<string> Property = Gen.Int[1, 3].SelectMany(n => Segment.Array[n]).Select(parts => string.Join('.', parts));

    /// <summary>Any text, including quotes, backslashes, RQL punctuation, percent signs and non-ASCII.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["ab(),;&|=\"\\%*' é€😀-+.:"], 0, 12],
        Gen.OneOf<string>("null()", "empty()", "true", "false", "42", "-1.5", "2026-01-05T09:00:00+00:00", "", " "))
        // The writer refuses a value with both kinds of quote (ArgumentException): RQL has no way to write it.
        .Where(s => !(s.Contains('\'') && s.Contains('"')))
        // A lone surrogate is not text: no URL can carry it (UTF-8 turns it into U+FFFD).
        .Where(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s);

    private static readonly Gen<Model> Leaf = Gen.OneOf(
        Gen.Select(Gen.OneOf<string>("eq", "ne", "gt", "ge", "lt", "le"), Property, Text, (op, p, v) => (Model)new Cmp(op, p, [new Value(v)])),
        Gen.Select(Gen.OneOf<string>("eq", "ne"), Property, Gen.Int, (op, p, v) => (Model)new Cmp(op, p, [new Value(v)])),
        Gen.Select(Gen.OneOf<string>("eq", "ne"), Property, Gen.Bool, (op, p, v) => (Model)new Cmp(op, p, [new Value(v)])),
        Gen.Select(Gen.OneOf<string>("eq", "ne"), Property, (op, p) => (Model)new Cmp(op, p, [new Value(null)])),
        Gen.Select(Gen.OneOf<string>("in", "out"), Property, Text.Array[1, 4], (op, p, vs) => (Model)new Cmp(op, p, [.. vs.Select(v => new Value(v))])),
        // '**' is not a valid like pattern (the emulator answers 400, as Connect does).
        Gen.Select(Gen.OneOf<string>("like", "ilike"), Property, Text.Where(t => !t.Contains("**", StringComparison.Ordinal)), (op, p, v) => (Model)new Cmp(op, p, [new Value(v)])));

    private static readonly Gen<Model> Tree = Gen.Recursive<Model>((depth, tree) => depth >= 3
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (1, tree.Array[1, 3].Select(cs => (Model)new Group("and", cs))),
            (1, tree.Array[1, 3].Select(cs => (Model)new Group("or", cs))),
            (1, tree.Select(c => (Model)new Negation(c)))));

    [Fact]
    public void WriterOutput_ParsedByEmulator_GivesTheSameTree()
    {
        Tree.Array[1, 3].Sample(models =>
        {
            var query = new Query();
            foreach (var model in models)
            {
                query.Where(model.ToSdk());
            }

            var text = query.Compile();
            var parsed = RqlQuery.Parse(text);
            var expected = Normal(models.Length == 1 ? models[0] : new Group("and", models));
            var actual = Normal(parsed.Filter!);
            Assert.True(expected == actual, $"query  {text}\nmodel  {expected}\nparsed {actual}");
        }, iter: 3000, seed: Environment.GetEnvironmentVariable("CSCHECK_SEED"));
    }

    [Fact]
    public void Parser_AnyInput_ParsesOrThrowsRqlParseException()
    {
        var rqlish = Gen.String[Gen.Char["abz09(),;&|=!<>\"\\%*'.-_ é"], 0, 40];
        var mutated = Tree.Select(m => new Query(m.ToSdk()).Compile()).SelectMany(text => Gen.Int[0, Math.Max(0, text.Length)].Select(cut => text[..cut]));
        Gen.OneOf(Gen.String, rqlish, mutated).Sample(input =>
        {
            try
            {
                var query = RqlQuery.Parse(input);
                _ = query.Filter?.ToString();
            }
            catch (RqlParseException)
            {
                // The only accepted failure: the emulator answers it with 400 RQL_001.
            }
        }, iter: 20000, seed: Environment.GetEnvironmentVariable("CSCHECK_SEED"));
    }

    /// <summary>A normal form: a group of one is its member, nested and/or flattened, values as kind:text.</summary>
    private static string Normal(Model model) => Print(Simplify(model));

    private static string Normal(RqlNode node) => Print(Simplify(ToModel(node)));

    private static Model Simplify(Model model)
    {
        switch (model)
        {
            case Negation n:
                return new Negation(Simplify(n.Child));
            case Group g:
                var kids = g.Children.Select(Simplify).SelectMany(k => k is Group inner && inner.Op == g.Op ? inner.Children : [k]).ToArray();
                return kids.Length == 1 ? kids[0] : new Group(g.Op, kids);
            default:
                return model;
        }
    }

    private static string Print(Model model) => model switch
    {
        Group g => g.Op + "(" + string.Join(",", g.Children.Select(Print)) + ")",
        Negation n => "not(" + Print(n.Child) + ")",
        Cmp c => c.Op + "(" + c.Property + "," + string.Join("|", c.Values.Select(v => v.Normal)) + ")",
        _ => throw new InvalidOperationException(),
    };

    private static Model ToModel(RqlNode node) => node switch
    {
        RqlAndNode a => new Group("and", [.. a.Children.Select(ToModel)]),
        RqlOrNode o => new Group("or", [.. o.Children.Select(ToModel)]),
        RqlNotNode n => new Negation(ToModel(n.Child)),
        RqlComparisonNode c => new Cmp(RqlNode.Name(c.Operator), c.Path.Text, [.. c.Values.Select(v => new Value(v.Kind switch
        {
            RqlValueKind.Null => null,
            RqlValueKind.Empty => EmptyConstant,
            _ => v.Text,
        }))]),
        _ => throw new InvalidOperationException("unexpected node " + node.GetType().Name + ": " + node),
    };

    private static readonly object EmptyConstant = new();

    private abstract record Model
    {
        public abstract RqlExpression ToSdk();
    }

    private sealed record Group(string Op, Model[] Children) : Model
    {
        public override RqlExpression ToSdk() => Op == "and" ? R.And([.. Children.Select(c => c.ToSdk())]) : R.Or([.. Children.Select(c => c.ToSdk())]);

        public override string ToString() => Op + "(" + string.Join(",", Children.Select(c => c.ToString())) + ")";
    }

    private sealed record Negation(Model Child) : Model
    {
        public override RqlExpression ToSdk() => R.Not(Child.ToSdk());
    }

    private sealed record Cmp(string Op, string Property, Value[] Values) : Model
    {
        public override RqlExpression ToSdk()
        {
            var field = R.Field(Property);
            var one = Values[0].Raw;
            return Op switch
            {
                "eq" => field.Eq(one),
                "ne" => field.Ne(one),
                "gt" => field.Gt(one!),
                "ge" => field.Ge(one!),
                "lt" => field.Lt(one!),
                "le" => field.Le(one!),
                "in" => field.In(Values.Select(v => (string)v.Raw!)),
                "out" => field.Out(Values.Select(v => (string)v.Raw!)),
                "like" => field.Like((string)one!),
                _ => field.ILike((string)one!),
            };
        }
    }

    private sealed record Value(object? Raw)
    {
        public string Normal => Raw switch
        {
            null => "null",
            _ when ReferenceEquals(Raw, EmptyConstant) => "empty",
            bool b => "text:" + (b ? "true" : "false"),
            int i => "text:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "text:" + (string)Raw,
        };
    }
}
