using System.Text.Json.Nodes;
using Connect.Emulator.Rql;
using CsCheck;

namespace Connect.Emulator.Tests.Rql;

/// <summary>
/// Semantic properties over random filters and random documents drawn from a small vocabulary (so that filters
/// actually hit): normalization (the cache key's tree) never changes a result, and the negated operators are
/// exactly the negations of their positive forms.
/// </summary>
public sealed class RqlSemanticPropertyTests
{
    private static readonly string[] Paths = ["a", "b", "o.c", "list.c", "tags"];

    private static readonly Gen<string> Constant = Gen.OneOf("1", "2", "10", "x", "X", "2021-03-19", "2021-03-19T12:00:00+00:00", "true", "null()", "empty()", "\"\"");

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (6, Gen.OneOf("1", "2", "10", "1.0", "x", "X", "", "2021-03-19T12:00:00+00:00", "2021-03-19T15:00:00+03:00").Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.Int[0, 11].Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const((JsonNode?)null)));

    private static readonly Gen<JsonNode> Document =
        Gen.Select(Scalar, Scalar, Scalar, Scalar.Array[0, 3], Scalar.Array[0, 3], Gen.Int[0, 31])
            .Select((a, b, c, listValues, tags, present) =>
            {
                var doc = new JsonObject();
                if ((present & 1) != 0)
                {
                    doc["a"] = a;
                }

                if ((present & 2) != 0)
                {
                    doc["b"] = b;
                }

                if ((present & 4) != 0)
                {
                    doc["o"] = new JsonObject { ["c"] = c };
                }

                if ((present & 8) != 0)
                {
                    doc["list"] = new JsonArray(listValues.Select(v => (JsonNode?)new JsonObject { ["c"] = v?.DeepClone() }).ToArray());
                }

                if ((present & 16) != 0)
                {
                    doc["tags"] = new JsonArray(tags.Select(t => t?.DeepClone()).ToArray());
                }

                return (JsonNode)doc;
            });

    private static readonly Gen<string> Comparison = Gen.Frequency(
        (5, Gen.Select(Gen.OneOf("eq", "ne", "gt", "ge", "lt", "le"), Gen.OneOf(Paths), Constant).Select((op, p, v) => $"{op}({p},{v})")),
        (2, Gen.Select(Gen.OneOf("in", "out"), Gen.OneOf(Paths), Constant.Array[1, 3]).Select((op, p, vs) => $"{op}({p},({string.Join(',', vs)}))")),
        (1, Gen.Select(Gen.OneOf("like", "ilike"), Gen.OneOf(Paths), Gen.OneOf("x", "*", "1*", "*0", "X*", "2021*")).Select((op, p, v) => $"{op}({p},{v})")));

    private static Gen<string> Filter(int depth) => depth == 0
        ? Comparison
        : Gen.Frequency(
            (3, Comparison),
            (2, Gen.Select(Gen.OneOf("and", "or"), Filter(depth - 1).Array[2, 3]).Select((op, cs) => $"{op}({string.Join(',', cs)})")),
            (1, Filter(depth - 1).Select(c => $"not({c})")));

    [Fact]
    public void Normalize_NeverChangesTheResult()
    {
        Gen.Select(Filter(3), Document.Array[1, 8]).Sample(
            (filter, documents) =>
            {
                var query = RqlQuery.Parse(filter);
                var normalized = RqlQuery.Normalize(query.Filter)!;

                foreach (var document in documents)
                {
                    Assert.Equal(query.Matches(document), normalized.Matches(document));
                }
            },
            iter: 3_000);
    }

    [Fact]
    public void NegatedOperators_AreExactNegations()
    {
        Gen.Select(Gen.OneOf(Paths), Constant.Array[1, 3], Document).Sample(
            (path, values, document) =>
            {
                var list = string.Join(',', values);
                bool Eval(string rql) => RqlQuery.Parse(rql).Matches(document);

                Assert.Equal(!Eval($"eq({path},{values[0]})"), Eval($"ne({path},{values[0]})"));
                Assert.Equal(!Eval($"eq({path},{values[0]})"), Eval($"not(eq({path},{values[0]}))"));
                Assert.Equal(!Eval($"in({path},({list}))"), Eval($"out({path},({list}))"));
                Assert.Equal(values.Any(v => Eval($"eq({path},{v})")), Eval($"in({path},({list}))"));
            },
            iter: 3_000);
    }

    [Fact]
    public void Sort_IsAPermutationOrderedByTheFirstKey()
    {
        Gen.Select(Gen.OneOf(Paths), Gen.Bool, Document.Array[0, 20]).Sample(
            (path, descending, documents) =>
            {
                var sorted = RqlQuery.Parse($"ordering({(descending ? "-" : "")}{path})").Sort(documents).ToList();

                Assert.Equal(documents.Length, sorted.Count);
                Assert.True(documents.All(d => sorted.Contains(d)));
                var rql = RqlPath.Create(path);
                for (var i = 1; i < sorted.Count; i++)
                {
                    var c = RqlSortValue.From(rql.FirstValue(sorted[i - 1])).CompareTo(RqlSortValue.From(rql.FirstValue(sorted[i])));
                    Assert.True(descending ? c >= 0 : c <= 0);
                }
            },
            iter: 1_000);
    }
}
