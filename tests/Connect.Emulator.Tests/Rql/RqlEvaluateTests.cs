using System.Text.Json.Nodes;
using Connect.Emulator.Rql;
using Connect.Emulator.Tests.Contract;

namespace Connect.Emulator.Tests.Rql;

public sealed class RqlEvaluateTests
{
    private static readonly Lazy<JsonNode> Purchase = new(() => SharedFiles.LoadFixture("request_purchase.json"));
    private static readonly Lazy<JsonNode> TierConfigRequest = new(() => SharedFiles.LoadFixture("tier_config_request.json"));

    [Theory]
    // equality, key=value, FIQL, legacy spellings
    [InlineData("status=pending", true)]
    [InlineData("eq(status,pending)", true)]
    [InlineData("eq(status,Pending)", false)]
    [InlineData("status=ne=draft", true)]
    [InlineData("ne(status,pending)", false)]
    [InlineData("asset.product.id=PRD-103-781-723", true)]
    [InlineData("asset__product__id=PRD-103-781-723", true)]
    [InlineData("contract__id__exact=CRD-00000-00000-00000", true)]
    [InlineData("status__in=approved,pending", true)]
    [InlineData("status__in=approved,failed", false)]
    [InlineData("in(asset.product.id,(PRD-000,PRD-103-781-723))&eq(status,pending)&limit=1000", true)]
    [InlineData("in(asset.product.id,(PRD-000,PRD-001))&eq(status,pending)&limit=1000", false)]
    [InlineData("out(status,(draft,failed))", true)]
    [InlineData("out(status,(pending))", false)]
    [InlineData("and(in(asset.product.id,(PRD-103-781-723)),in(asset.connection.type,(test,preview)),in(status,(pending)))", true)]
    [InlineData("select(-activation_key,-template)&and(in(asset.product.id,(PRD-103-781-723)),eq(status,pending))&ordering(-created)&limit=100&offset=0", true)]
    // through arrays: any element
    [InlineData("asset.items.id=PRD_103_781_723_0001", true)]
    [InlineData("asset.items.id=NOPE", false)]
    [InlineData("asset.params.id=param_b", true)]
    [InlineData("ne(asset.params.id,param_b)", false)]
    [InlineData("in(asset.params.id,(x,param_dynamic_validation))", true)]
    [InlineData("asset.params.constraints.required=true", true)]
    // numbers carried as strings compare numerically
    [InlineData("asset.items.quantity=3", true)]
    [InlineData("asset.items.quantity=3.0", true)]
    [InlineData("gt(asset.items.quantity,2)", true)]
    [InlineData("gt(asset.items.quantity,10)", false)]
    [InlineData("lt(asset.items.quantity,10)", true)]
    [InlineData("ge(asset.items.quantity,3)&le(asset.items.quantity,3)", true)]
    // dates compare as instants
    [InlineData("gt(created,2021-03-19)", true)]
    [InlineData("lt(created,2021-03-19)", false)]
    [InlineData("ge(created,2021-03-19T12:21:32+00:00)", true)]
    [InlineData("eq(created,2021-03-19T15:21:32+03:00)", true)]
    [InlineData("gt(created,2021-03-19T15:21:33+03:00)", false)]
    [InlineData("lt(updated,2021-03-19T12:30:43Z)&gt(updated,2021-03-19T12:30:41Z)", true)]
    // booleans
    [InlineData("answered=false", true)]
    [InlineData("answered=true", false)]
    [InlineData("ne(answered,true)", true)]
    // null and empty
    [InlineData("eq(reason,empty())", true)]
    [InlineData("eq(assignee,empty())", true)]
    [InlineData("ne(status,empty())", true)]
    [InlineData("eq(status,empty())", false)]
    [InlineData("eq(asset.configuration.params,empty())", true)]
    [InlineData("eq(asset.items,empty())", false)]
    [InlineData("eq(missing_field,null())", true)]
    [InlineData("eq(missing_field,empty())", true)]
    [InlineData("ne(missing_field,null())", false)]
    [InlineData("ne(status,null())", true)]
    [InlineData("eq(status,null())", false)]
    [InlineData("assignee__isnull=False", true)]
    // like / ilike
    [InlineData("like(asset.product.name,Test*)", true)]
    [InlineData("like(asset.product.name,test*)", false)]
    [InlineData("ilike(asset.product.name,test*)", true)]
    [InlineData("ilike(asset.product.name,*PROD*)", true)]
    [InlineData("like(asset.product.name,*Product)", true)]
    [InlineData("like(asset.product.name,T*t*t)", true)]
    [InlineData("like(asset.product.name,TestProduct)", true)]
    [InlineData("like(asset.product.name,Test)", false)]
    [InlineData("ilike(asset.tiers.customer.contact_info.contact.email,*@CUST.com)", true)]
    [InlineData("like(asset.marketplace.name,*EUROPE)", true)]
    [InlineData("like(id,PR-*-001)", true)]
    [InlineData("like(id,PR-\\*)", false)]
    // logic
    [InlineData("(status=draft|type=purchase)", true)]
    [InlineData("(status=draft;type=change)", false)]
    [InlineData("or(status=draft,type=change)", false)]
    [InlineData("not(eq(status,draft))", true)]
    [InlineData("not(or(status=pending,status=draft))", false)]
    [InlineData("((type=purchase&eq(status,pending))|(in(type,(cancel,change))&not(eq(status,pending))))", true)]
    // unknown fields: no value (see RqlComparisonNode)
    [InlineData("eq(unknown,x)", false)]
    [InlineData("unknown.deep.path=x", false)]
    [InlineData("gt(unknown,1)", false)]
    [InlineData("ne(unknown,x)", true)]
    public void Matches_PurchaseRequestFixture(string raw, bool expected)
    {
        Assert.Equal(expected, RqlQuery.Parse(raw).Matches(Purchase.Value));
    }

    [Theory]
    [InlineData("configuration.account.id=TA-0-2765-9792-6632", true)]
    [InlineData("configuration.tier_level=1", true)]
    [InlineData("gt(configuration.tier_level,0.5)", true)]
    [InlineData("lt(configuration.tier_level,1)", false)]
    [InlineData("configuration.params.value=000000", true)]
    [InlineData("configuration.params.value=0", true)]
    [InlineData("ilike(configuration.account.contact_info.contact.email,tier-one+sample@*)", true)]
    [InlineData("and(eq(type,setup),eq(status,pending),eq(configuration.product.id,PRD-521-843-700))", true)]
    [InlineData("ge(effective_date,2021-11-05)&lt(effective_date,2021-11-06)", true)]
    public void Matches_TierConfigRequestFixture(string raw, bool expected)
    {
        Assert.Equal(expected, RqlQuery.Parse(raw).Matches(TierConfigRequest.Value));
    }

    [Theory]
    [InlineData("eq(tags,b)", true)]
    [InlineData("eq(tags,z)", false)]
    [InlineData("eq(tags,empty())", false)]
    [InlineData("eq(none,empty())", true)]
    [InlineData("eq(nothing,null())", true)]
    [InlineData("eq(nothing,empty())", true)]
    [InlineData("ne(nothing,null())", false)]
    [InlineData("eq(count,7)", true)]
    [InlineData("gt(count,6.5)", true)]
    [InlineData("eq(count,07)", true)]
    [InlineData("eq(flag,true)", true)]
    [InlineData("eq(flag,false)", false)]
    [InlineData("eq(nested.items.deep.v,2)", true)]
    [InlineData("eq(nested.items.deep.v,4)", false)]
    [InlineData("eq(star,a*b)", true)]
    [InlineData("like(star,a\\*b)", true)]
    [InlineData("like(star,a*)", true)]
    [InlineData("like(star,ab)", false)]
    [InlineData("eq(space,\"a b\")", true)]
    [InlineData("eq(plus,a+b)", true)]
    [InlineData("eq(plus,a%2Bb)", true)]
    public void Matches_HandBuiltDocument(string raw, bool expected)
    {
        var document = JsonNode.Parse("""
            {"tags":["a","b"],"none":[],"nothing":null,"count":7,"flag":true,"star":"a*b","space":"a b","plus":"a+b",
             "nested":{"items":[{"deep":[{"v":1}]},{"deep":[{"v":2},{"v":3}]}]}}
            """)!;

        Assert.Equal(expected, RqlQuery.Parse(raw).Matches(document));
    }

    [Fact]
    public void Matches_DocumentBuiltInCode_UsesSameSemantics()
    {
        var document = new JsonObject
        {
            ["status"] = "pending",
            ["quantity"] = 3,
            ["created"] = "2021-03-19T12:21:32+00:00",
            ["flag"] = false,
        };

        Assert.True(RqlQuery.Parse("status=pending&quantity=3&gt(quantity,2.5)&lt(created,2022-01-01)&flag=false").Matches(document));
        Assert.False(RqlQuery.Parse("quantity=4").Matches(document));
    }

    [Fact]
    public void Parse_KnownFilters_IgnoresUnknownNames()
    {
        var known = new HashSet<string> { "status", "asset.product.id" };

        var query = RqlQuery.Parse("status=pending&eq(unknown,x)&or(bogus=1,asset__product__id=PRD-103-781-723)&not(eq(other,1))", known);

        Assert.Equal("and(eq(status,\"pending\"),eq(asset.product.id,\"PRD-103-781-723\"))", query.Filter?.ToString());
        Assert.True(query.Matches(Purchase.Value));
        Assert.Equal(RqlQuery.Parse("status=pending&asset.product.id=PRD-103-781-723").CacheKey, query.CacheKey);
    }

    [Fact]
    public void Parse_KnownFiltersAllUnknown_MatchesEverything()
    {
        var query = RqlQuery.Parse("eq(unknown,x)", new HashSet<string>());

        Assert.Null(query.Filter);
        Assert.True(query.Matches(Purchase.Value));
    }

    [Theory]
    [InlineData("search=testprod", true)]
    [InlineData("search=PR-8055", true)]
    [InlineData("search=europe", true)]
    [InlineData("search=%22a*b%22", false)]
    [InlineData("search=nothing-like-this", false)]
    [InlineData("status=pending", true)]
    public void MatchesSearch_AcrossFields(string raw, bool expected)
    {
        var query = RqlQuery.Parse(raw);
        string[] fields = ["id", "asset.product.name", "asset.marketplace.name", "asset.items.mpn"];

        Assert.Equal(expected, query.MatchesSearch(Purchase.Value, fields));
        Assert.Equal(expected, query.MatchesSearch(Purchase.Value, fields));
    }

    [Fact]
    public void MatchesSearch_StarInTerm_IsLiteral()
    {
        var document = JsonNode.Parse("""{"name":"a*b"}""")!;

        Assert.True(RqlQuery.Parse("search=%22a*b%22").MatchesSearch(document, ["name"]));
        Assert.False(RqlQuery.Parse("search=%22a*c%22").MatchesSearch(document, ["name"]));
    }

    [Fact]
    public void Sort_MultiKey_StableWithMissingFirst()
    {
        var documents = new[]
        {
            JsonNode.Parse("""{"id":"1","status":"pending","quantity":"10","created":"2021-03-19T12:00:00+00:00"}""")!,
            JsonNode.Parse("""{"id":"2","status":"approved","quantity":"9","created":"2021-03-19T13:00:00+02:00"}""")!,
            JsonNode.Parse("""{"id":"3","status":"pending","quantity":"9","created":"2021-03-19T11:00:00+00:00"}""")!,
            JsonNode.Parse("""{"id":"4","quantity":"100"}""")!,
            JsonNode.Parse("""{"id":"5","status":"pending","quantity":"9","created":"2021-03-19T11:00:00+00:00"}""")!,
        };

        static string Ids(IEnumerable<JsonNode> nodes) => string.Join(',', nodes.Select(n => (string)n["id"]!));

        Assert.Equal("4,2,3,5,1", Ids(RqlQuery.Parse("ordering(status,quantity)").Sort(documents)));
        Assert.Equal("3,5,1,2,4", Ids(RqlQuery.Parse("ordering(-status,+quantity)").Sort(documents)));
        Assert.Equal("2,3,5,1,4", Ids(RqlQuery.Parse("ordering(quantity)").Sort(documents)));
        Assert.Equal("4,2,3,5,1", Ids(RqlQuery.Parse("order_by=created").Sort(documents)));
        Assert.Equal("1,2,3,4,5", Ids(RqlQuery.Parse("status=pending").Sort(documents)));
    }

    [Fact]
    public void Sort_NumericStrings_SortNumerically()
    {
        var documents = new[] { "10", "9", "100", "1.5" }.Select(q => (JsonNode)new JsonObject { ["q"] = q }).ToArray();

        var sorted = RqlQuery.Parse("ordering(-q)").Sort(documents).Select(d => (string)d["q"]!);

        Assert.Equal(["100", "10", "9", "1.5"], sorted);
    }

    [Fact]
    public void Project_ExcludedAndHidden_RemovedThroughArrays()
    {
        var query = RqlQuery.Parse("select(-activation_key,-asset.params.constraints,asset.product.capabilities)");

        var projected = query.Project(Purchase.Value, ["asset.product.capabilities", "template", "asset.items.mpn"]);

        Assert.Null(projected["activation_key"]);
        Assert.False(projected.AsObject().ContainsKey("activation_key"));
        Assert.All(projected["asset"]!["params"]!.AsArray(), p => Assert.False(p!.AsObject().ContainsKey("constraints")));
        Assert.All(projected["asset"]!["items"]!.AsArray(), i => Assert.False(i!.AsObject().ContainsKey("mpn")));
        Assert.True(projected["asset"]!["params"]![0]!.AsObject().ContainsKey("id"));
        Assert.True(Purchase.Value.AsObject().ContainsKey("activation_key"), "the input must not change");
        Assert.True(Purchase.Value["asset"]!["params"]![0]!.AsObject().ContainsKey("constraints"));
    }

    [Fact]
    public void Project_HiddenField_KeptWhenItOrAChildIsSelected()
    {
        var document = JsonNode.Parse("""{"id":"AS-1","pending_request":{"id":"PR-1","template":{"id":"TL-1"}},"template":{"id":"TL-2"}}""")!;

        string[] hidden = ["pending_request", "pending_request.template", "template"];
        var none = RqlQuery.Parse("status=active").Project(document, hidden).AsObject();
        var selected = RqlQuery.Parse("select(pending_request.template)").Project(document, hidden).AsObject();

        Assert.Equal(["id"], none.Select(p => p.Key));
        Assert.Equal("TL-1", (string)selected["pending_request"]!["template"]!["id"]!);
        Assert.False(selected.ContainsKey("template"));
    }
}
