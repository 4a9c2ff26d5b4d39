using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class RqlTests
{
    public static TheoryData<string, string> Goldens() => new()
    {
        { R.Field("status").Eq("pending").ToString(), "eq(status,pending)" },
        { R.Field("asset.product.id").In("PRD-1", "PRD-2").ToString(), "in(asset.product.id,(PRD-1,PRD-2))" },
        { (R.Field("asset.product.id").In("PRD-1", "PRD-2") & R.Field("status").Eq("pending")).ToString(), "and(in(asset.product.id,(PRD-1,PRD-2)),eq(status,pending))" },
        { (R.Field("a").Eq("1") & R.Field("b").Eq("2") & R.Field("c").Eq("3")).ToString(), "and(eq(a,1),eq(b,2),eq(c,3))" },
        { (R.Field("type").Eq("distribution") | !R.Field("owner").Eq("me")).ToString(), "or(eq(type,distribution),not(eq(owner,me)))" },
        { R.Field("name").Eq("mr Loop").ToString(), "eq(name,%22mr%20Loop%22)" },
        { R.Field("name").Eq("a,b").ToString(), "eq(name,%22a%2Cb%22)" },
        { R.Field("name").Eq("x)y").ToString(), "eq(name,%22x%29y%22)" },
        { R.Field("name").Eq("a&b").ToString(), "eq(name,%22a%26b%22)" },
        { R.Field("name").Eq("say \"hi\"").ToString(), "eq(name,%27say%20%22hi%22%27)" },
        { R.Field("email").Eq("a+b@c.io").ToString(), "eq(email,a%2Bb%40c.io)" },
        { R.Field("created").Ge(new DateTimeOffset(2019, 2, 12, 10, 2, 0, TimeSpan.FromHours(3))).ToString(), "ge(created,2019-02-12T10:02:00%2B03:00)" },
        { R.Field("period.from").Eq(new DateOnly(2021, 2, 1)).ToString(), "eq(period.from,2021-02-01)" },
        { R.Field("active").Eq(true).ToString(), "eq(active,true)" },
        { R.Field("tier_level").Lt(2).ToString(), "lt(tier_level,2)" },
        { R.Field("amount").Le(1.5m).ToString(), "le(amount,1.5)" },
        { R.Field("assignee").Null().ToString(), "eq(assignee,null())" },
        { R.Field("assignee").Null(false).ToString(), "ne(assignee,null())" },
        { R.Field("note").Empty().ToString(), "eq(note,empty())" },
        { R.Field("note").Empty(false).ToString(), "ne(note,empty())" },
        { R.Field("x").Eq(null).ToString(), "eq(x,null())" },
        { R.Field("name").Like("*vasya\\**").ToString(), "like(name,*vasya%5C**)" },
        { R.Field("name").ILike("*Café*").ToString(), "ilike(name,*Caf%C3%A9*)" },
        { R.Field("status").Out("failed", "approved").ToString(), "out(status,(failed,approved))" },
        { R.Field("id").In("PR 1").ToString(), "in(id,(%22PR%201%22))" },
        { new Query().In("asset.product.id", "PRD-000", "PRD-001").Equal("status", "pending").Limit(1000).Compile(), "in(asset.product.id,(PRD-000,PRD-001))&eq(status,pending)&limit=1000" },
        { new Query().Select("-activation_key", "-template").Where(R.Field("asset.product.id").In("PRD-276-377-545") & R.Field("status").Eq("pending")).Ordering("-created").Limit(100).Offset(0).Compile(),
          "select(-activation_key,-template)&and(in(asset.product.id,(PRD-276-377-545)),eq(status,pending))&ordering(-created)&limit=100&offset=0" },
        { new Query().Ordering("title", "+name", "-created").Compile(), "ordering(title,+name,-created)" },
        { new Query().OrderBy("date").Compile(), "ordering(date)" },
        { new Query().NotEqual("a", "b").Greater("c", 1).GreaterEqual("d", 2).Lesser("e", 3).LesserEqual("f", 4).Compile(), "ne(a,b)&gt(c,1)&ge(d,2)&lt(e,3)&le(f,4)" },
        { new Query().Like("name", "*x*").ILike("title", "*Y*").Out("s", "a").Compile(), "like(name,*x*)&ilike(title,*Y*)&out(s,(a))" },
        { new Query().Search("two words").Compile(), "search=two%20words" },
        { new Query(new Dictionary<string, string> { ["status"] = "listed" }).Compile(), "eq(status,listed)" },
        { new Query().Compile(), "" },
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Compile_Expression_MatchesGolden(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Compile_NeverEncodesSpaceAsPlus()
    {
        var text = new Query().Equal("name", "a b c").Compile();

        Assert.DoesNotContain('+', text);
        Assert.Contains("%20", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a(b")]
    [InlineData("a,b")]
    [InlineData("a b")]
    public void Field_InvalidProperty_Throws(string property) =>
        Assert.ThrowsAny<ArgumentException>(() => R.Field(property));

    [Fact]
    public void Quote_BothQuoteKinds_Throws() =>
        Assert.Throws<ArgumentException>(() => R.Field("a").Eq("it's \"x\""));

    [Fact]
    public void Clone_IsIndependent()
    {
        var query = new Query().Equal("a", "1");
        var copy = query.Clone().Equal("b", "2").Limit(5);

        Assert.Equal("eq(a,1)", query.Compile());
        Assert.Equal("eq(a,1)&eq(b,2)&limit=5", copy.Compile());
    }

    [Fact]
    public void Limit_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new Query().Limit(-1));

    [Fact]
    public void Compile_ValuesRoundTripThroughUnescape_ToGrammarText()
    {
        // The server decodes the whole query string once and parses the result.
        var text = new Query().Equal("name", "mr Loop, & co").Compile();

        Assert.Equal("eq(name,\"mr Loop, & co\")", Uri.UnescapeDataString(text));
    }
}
