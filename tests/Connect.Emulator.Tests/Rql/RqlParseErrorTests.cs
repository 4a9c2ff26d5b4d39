using Connect.Emulator.Rql;

namespace Connect.Emulator.Tests.Rql;

public sealed class RqlParseErrorTests
{
    [Theory]
    [InlineData("eq(status,pending", 17, "')'")]
    [InlineData("eq(status pending)", 9, "','")]
    [InlineData("eq(status,)", 10, "a value")]
    [InlineData("eq(,x)", 3, "a property name")]
    [InlineData("foo(a,b)", 0, "unknown function 'foo'")]
    [InlineData("t(eq(a,1))", 0, "tuples")]
    [InlineData("status=", 7, "a value")]
    [InlineData("status", 6, "'(' or '=' after 'status'")]
    [InlineData("status=pending)", 14, "unbalanced ')'")]
    [InlineData(")", 0, "a term")]
    [InlineData("a=1|b=2", 3, "only allowed inside parentheses")]
    [InlineData("a=1;b=2", 3, "only allowed inside parentheses")]
    [InlineData("(a=1|b=2", 8, "')'")]
    [InlineData("eq(a,\"abc", 5, "closing \"")]
    [InlineData("eq(a,'abc)", 5, "closing '")]
    [InlineData("in(a,b)", 5, "'(' starting the list")]
    [InlineData("in(a,(b,c)", 10, "')'")]
    [InlineData("like(name,a**b)", 10, "'**'")]
    [InlineData("ilike(name,**)", 11, "'**'")]
    [InlineData("like(name,null())", 10, "text pattern")]
    [InlineData("eq(a, b)", 5, "a value")]
    [InlineData("a=1&&&b", 7, "'(' or '=' after 'b'")]
    [InlineData("1=2", 0, "a term")]
    [InlineData("or(limit=5,a=1)", 3, "top level")]
    [InlineData("not(search=x)", 4, "top level")]
    [InlineData("or(ordering(a),b=1)", 3, "top level")]
    [InlineData("limit=ne=5", 0, "only supports eq")]
    [InlineData("in(offset,(1,2))", 0, "only supports eq")]
    [InlineData("limit=1&limit=2", 8, "only once")]
    [InlineData("ordering(-)", 10, "a property name")]
    [InlineData("order_by=-", 9, "property name to order by")]
    [InlineData("select(a,)", 9, "a property name")]
    [InlineData("assignee__isnull=maybe", 17, "True or False")]
    [InlineData("status=pending&x=%22unterminated", 17, "closing \"")]
    [InlineData("eq(a,b)c", 7, "'&', ',' or the end")]
    public void Parse_InvalidQuery_ThrowsWithPosition(string raw, int position, string messagePart)
    {
        var error = Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));

        Assert.Equal(position, error.Position);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenThousandNestedParentheses_ThrowsDepthError()
    {
        var raw = new string('(', 10_000) + "a=1" + new string(')', 10_000);

        var error = Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));

        Assert.Equal(RqlParser.MaxDepth, error.Position);
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenThousandNestedNots_ThrowsDepthError()
    {
        var raw = string.Concat(Enumerable.Repeat("not(", 10_000)) + "a=1" + new string(')', 10_000);

        var error = Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));

        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Parses()
    {
        var raw = new string('(', RqlParser.MaxDepth) + "a=1" + new string(')', RqlParser.MaxDepth);

        Assert.Equal("eq(a,\"1\")", RqlQuery.Parse(raw).Filter?.ToString());
    }

    [Fact]
    public void Parse_OneMegabyteQuery_ThrowsLengthError()
    {
        var raw = "eq(a," + new string('x', 1 << 20) + ")";

        var error = Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));

        Assert.Equal(RqlParser.MaxLength, error.Position);
    }

    [Fact]
    public void Parse_OneMegabyteOfPercentEscapes_ThrowsParseError()
    {
        var raw = string.Concat(Enumerable.Repeat("%28", 350_000));

        Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));
    }

    [Fact]
    public void Parse_LongValueBelowTheLimit_Parses()
    {
        var value = new string('x', 60_000);

        var query = RqlQuery.Parse("eq(a," + value + ")");

        Assert.Equal($"eq(a,\"{value}\")", query.Filter?.ToString());
    }

    [Fact]
    public void Parse_LongNameWithoutOperator_ThrowsAtTheEnd()
    {
        var raw = new string('a', 60_000);

        var error = Assert.Throws<RqlParseException>(() => RqlQuery.Parse(raw));

        Assert.Equal(60_000, error.Position);
        Assert.True(error.Message.Length < 300, "the message must not echo the whole input");
    }

    [Fact]
    public void Parse_ManyTopLevelTerms_ParsesLinearly()
    {
        var raw = string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"f{i}={i}"));

        var query = RqlQuery.Parse(raw);

        Assert.Equal(5_000, ((RqlAndNode)query.Filter!).Children.Count);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%zz")]
    [InlineData("%C3%28")]
    [InlineData("%00")]
    [InlineData("eq(a,%FF)")]
    [InlineData("\uD800")]
    public void Parse_MalformedEncoding_ThrowsOnlyParseErrors(string raw)
    {
        var exception = Record.Exception(() => RqlQuery.Parse(raw));

        Assert.True(exception is null or RqlParseException, exception?.ToString());
    }
}
