using Connect.Emulator.Rql;

namespace Connect.Emulator.Tests.Rql;

public sealed class RqlParseTests
{
    [Theory]
    // contract/api-contract.md section 4.3, verbatim forms
    [InlineData("status=processing", "eq(status,\"processing\")")]
    [InlineData("in(status,(processing))", "in(status,(\"processing\"))")]
    [InlineData(
        "in(asset.product.id,(PRD-000,PRD-001))&eq(status,pending)&limit=1000",
        "and(in(asset.product.id,(\"PRD-000\",\"PRD-001\")),eq(status,\"pending\"))")]
    [InlineData("status=pending", "eq(status,\"pending\")")]
    [InlineData("instance_id=PR-0000-0000-0000", "eq(instance_id,\"PR-0000-0000-0000\")")]
    [InlineData(
        "select(obj1,-obj2)&and(eq(field,value),in(field2,(a,b)))&ordering(field1,-field2)&limit=100&offset=0&search=term",
        "and(eq(field,\"value\"),in(field2,(\"a\",\"b\")))")]
    [InlineData(
        "offset=0&limit=10&select(products,agreements)&ordering(title,-created)&((type=distribution&eq(owner,me))|(in(type,(sourcing,service))&not(eq(owner,me))))",
        "or(and(eq(type,\"distribution\"),eq(owner,\"me\")),and(in(type,(\"sourcing\",\"service\")),not(eq(owner,\"me\"))))")]
    [InlineData(
        "and(in(asset.product.id,(PRD-276-377-545,PRD-276-377-546)),in(asset.connection.type,(test,production)),in(status,(pending)))",
        "and(in(asset.product.id,(\"PRD-276-377-545\",\"PRD-276-377-546\")),in(asset.connection.type,(\"test\",\"production\")),in(status,(\"pending\")))")]
    [InlineData(
        "select(-activation_key,-template)&and(in(asset.product.id,(PRD-276-377-545)),eq(status,pending))&ordering(-created)&limit=100&offset=0",
        "and(in(asset.product.id,(\"PRD-276-377-545\")),eq(status,\"pending\"))")]
    // operators, FIQL, grouping
    [InlineData("status=ne=draft", "ne(status,\"draft\")")]
    [InlineData("created=ge=2019-02-12", "ge(created,\"2019-02-12\")")]
    [InlineData("status=in=(a,b)", "in(status,(\"a\",\"b\"))")]
    [InlineData("gt(sli.days,3)&lt(sli.days,10)&le(a,1)&ge(b,2)", "and(gt(sli.days,\"3\"),lt(sli.days,\"10\"),le(a,\"1\"),ge(b,\"2\"))")]
    [InlineData("out(status,(draft,failed))", "out(status,(\"draft\",\"failed\"))")]
    [InlineData("like(name,*vasya\\**)&ilike(name,ab*)", "and(like(name,\"*vasya\\\\**\"),ilike(name,\"ab*\"))")]
    [InlineData("(a=1|b=2)", "or(eq(a,\"1\"),eq(b,\"2\"))")]
    [InlineData("(a=1;b=2)", "or(eq(a,\"1\"),eq(b,\"2\"))")]
    [InlineData("(a=1,b=2)", "and(eq(a,\"1\"),eq(b,\"2\"))")]
    [InlineData("(a=1&b=2|c=3)", "or(and(eq(a,\"1\"),eq(b,\"2\")),eq(c,\"3\"))")]
    [InlineData("a=1,b=2", "and(eq(a,\"1\"),eq(b,\"2\"))")]
    [InlineData("or(a=1&b=2,c=3)", "or(and(eq(a,\"1\"),eq(b,\"2\")),eq(c,\"3\"))")]
    [InlineData("not(eq(a,1))", "not(eq(a,\"1\"))")]
    [InlineData("((eq(a,1)))", "eq(a,\"1\")")]
    [InlineData("and(eq(a,1),or(eq(b,2),eq(c,3)))", "and(eq(a,\"1\"),or(eq(b,\"2\"),eq(c,\"3\")))")]
    // constants and quoting
    [InlineData("eq(assignee,null())&ne(note,empty())", "and(eq(assignee,null()),ne(note,empty()))")]
    [InlineData("assignee=null()", "eq(assignee,null())")]
    [InlineData("answered=false", "eq(answered,\"false\")")]
    [InlineData("name=\"mr Loop\"", "eq(name,\"mr Loop\")")]
    [InlineData("name='a,b)&c'", "eq(name,\"a,b)&c\")")]
    [InlineData("name=%22mr%20Loop%22", "eq(name,\"mr Loop\")")]
    [InlineData("name=mr%20Loop", "eq(name,\"mr Loop\")")]
    [InlineData("email=a+b@example.com", "eq(email,\"a+b@example.com\")")]
    [InlineData("created=2019-02-12T10:02:00+03:00", "eq(created,\"2019-02-12T10:02:00+03:00\")")]
    [InlineData("eq(x,-5.5)", "eq(x,\"-5.5\")")]
    [InlineData("eq(eq,in)", "eq(eq,\"in\")")]
    // legacy django-filter spellings
    [InlineData("asset__product__id=PRD-1", "eq(asset.product.id,\"PRD-1\")")]
    [InlineData("contract__id__exact=CRD-1", "eq(contract.id,\"CRD-1\")")]
    [InlineData("status__in=pending,approved&limit=5", "in(status,(\"pending\",\"approved\"))")]
    [InlineData("status__in=pending,approved,type=purchase", "and(in(status,(\"pending\",\"approved\")),eq(type,\"purchase\"))")]
    [InlineData("created__gte=2019-02-12&created__lt=2020-01-01", "and(ge(created,\"2019-02-12\"),lt(created,\"2020-01-01\"))")]
    [InlineData("assignee__isnull=True", "eq(assignee,null())")]
    [InlineData("assignee__isnull=False", "ne(assignee,null())")]
    [InlineData("eq(asset__id,AS-1)", "eq(asset.id,\"AS-1\")")]
    // query-string noise
    [InlineData("?status=pending&", "eq(status,\"pending\")")]
    [InlineData("status=pending&&type=purchase", "and(eq(status,\"pending\"),eq(type,\"purchase\"))")]
    public void Parse_ValidQuery_ProducesExpectedTree(string raw, string expected)
    {
        var query = RqlQuery.Parse(raw);

        Assert.Equal(expected, query.Filter?.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("limit=10&offset=20")]
    [InlineData("ordering(-created)&select(-template)")]
    public void Parse_NoFilter_MatchesEverything(string? raw)
    {
        var query = RqlQuery.Parse(raw);

        Assert.Null(query.Filter);
        Assert.True(query.Matches(new System.Text.Json.Nodes.JsonObject()));
    }

    [Fact]
    public void Parse_OacQuery_ExtractsSelectOrderingPagingAndSearch()
    {
        var query = RqlQuery.Parse("select(obj1,-obj2)&and(eq(field,value),in(field2,(a,b)))&ordering(field1,-field2)&limit=100&offset=0&search=term");

        Assert.Equal(["obj1"], query.SelectIncluded);
        Assert.Equal(["obj2"], query.SelectExcluded);
        Assert.Equal([new RqlSortKey("field1", false), new RqlSortKey("field2", true)], query.Ordering);
        Assert.Equal(100, query.Limit);
        Assert.Equal(0, query.Offset);
        Assert.Equal("term", query.Search);
    }

    [Fact]
    public void Parse_JsQuery_ExtractsOrderingAndPaging()
    {
        var query = RqlQuery.Parse("offset=0&limit=10&select(products,agreements)&ordering(title,-created)&((type=distribution&eq(owner,me))|(in(type,(sourcing,service))&not(eq(owner,me))))");

        Assert.Equal(10, query.Limit);
        Assert.Equal(0, query.Offset);
        Assert.Equal(["products", "agreements"], query.SelectIncluded);
        Assert.Equal([new RqlSortKey("title", false), new RqlSortKey("created", true)], query.Ordering);
    }

    [Theory]
    [InlineData("order_by=date", "date", false)]
    [InlineData("ordering=-created", "created", true)]
    [InlineData("order_by=%2Bname", "name", false)]
    [InlineData("ordering(+name)", "name", false)]
    [InlineData("order_by=asset__product__name", "asset.product.name", false)]
    public void Parse_LegacyAndSignedOrdering_ProducesSortKey(string raw, string path, bool descending)
    {
        var query = RqlQuery.Parse(raw);

        Assert.Equal([new RqlSortKey(path, descending)], query.Ordering);
        Assert.Null(query.Filter);
    }

    [Theory]
    [InlineData("limit=abc", null)]
    [InlineData("limit=-1", null)]
    [InlineData("limit=1.5", null)]
    [InlineData("limit=99999999999", int.MaxValue)] // above the maximum: cut down to it (contract/api-contract.md 4.1)
    [InlineData("limit=null()", null)]
    [InlineData("eq(limit,25)", 25)]
    [InlineData("limit=0", 0)]
    public void Parse_Limit_ExtractedOrNullWhenBad(string raw, int? expected)
    {
        Assert.Equal(expected, RqlQuery.Parse(raw).Limit);
    }

    [Fact]
    public void Parse_SearchWithEncodedSpace_DecodesOnce()
    {
        var query = RqlQuery.Parse("search=mr%20Loop&limit=5");

        Assert.Equal("mr Loop", query.Search);
        Assert.Null(query.Filter);
    }

    [Fact]
    public void Parse_DoubleEncodedPercent_DecodesOnlyOnce()
    {
        var query = RqlQuery.Parse("name=%22a%2520b%22");

        Assert.Equal("eq(name,\"a%20b\")", query.Filter?.ToString());
    }

    [Theory]
    [InlineData("status=pending", "eq(status,pending)")]
    [InlineData("status=pending&type=purchase", "and(eq(type,purchase),eq(status,pending))")]
    [InlineData("and(a=1,and(b=2,c=3))", "c=3&(a=1&b=2)")]
    [InlineData("in(status,(b,a))", "status=in=(a,b)")]
    [InlineData("status=pending&limit=10&offset=5&select(-template)", "eq(status,pending)&limit=100")]
    [InlineData("contract__id__exact=CRD-1", "eq(contract.id,CRD-1)")]
    [InlineData("status=pending&ordering(-created)", "ordering(-created)&eq(status,pending)")]
    [InlineData("status=pending&order_by=-created", "ordering(-created)&eq(status,pending)")]
    public void CacheKey_EquivalentQueries_ShareKey(string first, string second)
    {
        Assert.Equal(RqlQuery.Parse(first).CacheKey, RqlQuery.Parse(second).CacheKey);
    }

    [Theory]
    [InlineData("status=pending", "status=approved")]
    [InlineData("status=pending", "status=pending&search=x")]
    [InlineData("status=pending&ordering(created)", "status=pending&ordering(-created)")]
    [InlineData("or(a=1,b=2)", "and(a=1,b=2)")]
    [InlineData("eq(a,null())", "eq(a,null)")]
    [InlineData("search=\"a,b=c\"", "search=a&b=c")]
    public void CacheKey_DifferentQueries_DifferentKeys(string first, string second)
    {
        Assert.NotEqual(RqlQuery.Parse(first).CacheKey, RqlQuery.Parse(second).CacheKey);
    }
}
