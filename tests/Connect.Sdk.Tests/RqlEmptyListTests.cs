using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public class RqlEmptyListTests
{
    [Fact]
    public void In_NoValues_ThrowsArgumentExceptionNamingTheProperty()
    {
        var ex = Assert.Throws<ArgumentException>(() => R.Field("asset.product.id").In(Array.Empty<string>()));

        Assert.Contains("in(asset.product.id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryOut_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Query().Out("status", []));
    }

    [Fact]
    public void In_NullValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => R.Field("id").In("PR-1", null!));
    }
}
