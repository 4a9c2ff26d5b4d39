using System.Text.RegularExpressions;
using CsCheck;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Tests;

public partial class RqlPropertyTests
{
    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.String[Gen.Char["abcXYZ019 ,()&=\"'+*-._:@/\\?#%é|~"], 0, 20],
        Gen.String);

    [Fact]
    public void Eq_AnyValue_IsUrlSafeAndDecodesToTheGrammarForm()
    {
        Values.Where(v => !(v.Contains('"') && v.Contains('\''))).Sample(value =>
        {
            var text = R.Field("name").Eq(value).ToString();

            Assert.Matches(UrlSafe(), text);
            var decoded = Uri.UnescapeDataString(text);
            Assert.StartsWith("eq(name,", decoded, StringComparison.Ordinal);
            var inner = decoded["eq(name,".Length..^1];
            var unquoted = inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0] ? inner[1..^1] : inner;
            Assert.Equal(value, unquoted);
            if (unquoted == inner)
            {
                Assert.Matches(BareValue(), inner);
            }
        });
    }

    [Fact]
    public void In_AnyValues_KeepsOneEntryPerValue()
    {
        Gen.String[Gen.Char.AlphaNumeric, 1, 8].Array[1, 6].Sample(values =>
        {
            var decoded = Uri.UnescapeDataString(R.Field("id").In(values).ToString());

            Assert.Equal("in(id,(" + string.Join(",", values) + "))", decoded);
        });
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-._*:~(),=&+%]*$")]
    private static partial Regex UrlSafe();

    [GeneratedRegex(@"^[\w\-*+\\][\w.\-:+@*\\]*$")]
    private static partial Regex BareValue();
}
