using System.Globalization;
using System.Text;
using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

/// <summary>
/// Seeded random records (awkward text, extreme decimals) survive records → xlsx → reader unchanged, except that line
/// breaks come back as <c>\n</c>: XML normalizes <c>\r\n</c> and <c>\r</c> (and Excel stores cell line breaks as <c>\n</c>).
/// </summary>
public sealed class UsageRoundTripPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "  ", "\t", "\n", "\r\n", "<", ">", "&", "\"", "'", "é", "ß", "中文", "😀", ",", ";", "=1+1",
        "_x0041_", "]]>", "\u00a0", "\u2028", "x:t", "-", "1e5",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task WriteThenRead_RandomRecords_AreUnchanged(int seed)
    {
        var random = new Random(seed);
        var records = Enumerable.Range(0, 300).Select(i => RandomRecord(random, i)).ToList();
        using var xlsx = new MemoryStream();

        await UsageSpreadsheetWriter.WriteAsync(xlsx, records, new UsageSpreadsheetOptions { ParameterColumns = ["p.one", "v.two"] });

        xlsx.Position = 0;
        var read = UsageSpreadsheetReader.ReadRecords(xlsx).ToList();
        Assert.Equal(records.Count, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var (expected, actual) = (Normalized(records[i]), read[i]);
            Assert.Equal(expected.RecordId, actual.RecordId);
            Assert.Equal(expected.RecordNote, actual.RecordNote);
            Assert.Equal(expected.ItemSearchValue, actual.ItemSearchValue);
            Assert.Equal(expected.AssetSearchValue, actual.AssetSearchValue);
            Assert.Equal(expected.ItemName, actual.ItemName);
            Assert.Equal(expected.Amount, actual.Amount);
            Assert.Equal(expected.Quantity, actual.Quantity);
            Assert.Equal(expected.Tier, actual.Tier);
            Assert.Equal(expected.StartTimeUtc, actual.StartTimeUtc);
            Assert.Equal(expected.EndTimeUtc, actual.EndTimeUtc);
            Assert.Equal(expected.Params?.OrderBy(p => p.Key), actual.Params?.OrderBy(p => p.Key));
        }
    }

    private static UsageRecord Normalized(UsageRecord r)
    {
        static string? N(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new UsageRecord
        {
            RecordId = N(r.RecordId), RecordNote = N(r.RecordNote), ItemSearchValue = N(r.ItemSearchValue), AssetSearchValue = N(r.AssetSearchValue),
            ItemName = N(r.ItemName), Amount = r.Amount, Quantity = r.Quantity, Tier = r.Tier, StartTimeUtc = r.StartTimeUtc, EndTimeUtc = r.EndTimeUtc,
            Params = r.Params?.ToDictionary(p => p.Key, p => N(p.Value)!),
        };
    }

    private static UsageRecord RandomRecord(Random random, int i)
    {
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.NextInt64(0, 40L * 365 * 24 * 3600));
        var record = new UsageRecord
        {
            RecordId = $"{i}-{Text(random)}",
            RecordNote = random.Next(4) == 0 ? null : Text(random),
            ItemSearchCriteria = "item.local_id",
            ItemSearchValue = Text(random),
            Amount = random.Next(3) == 0 ? null : Decimal(random),
            Quantity = Decimal(random),
            StartTimeUtc = start,
            EndTimeUtc = start.AddSeconds(random.Next(0, 100_000)),
            AssetSearchCriteria = "parameter.tenant",
            AssetSearchValue = Text(random),
            ItemName = random.Next(2) == 0 ? null : Text(random),
            Tier = random.Next(3) == 0 ? null : random.Next(0, 10),
        };
        if (random.Next(2) == 0)
        {
            record.Params = new Dictionary<string, string> { ["p.one"] = Text(random) };
            if (random.Next(2) == 0)
            {
                record.Params["v.two"] = Text(random);
            }
        }

        return record;
    }

    private static string Text(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        // Blank-only text reads back as an empty cell, which is absent: keep one visible character.
        return text.Append('.').ToString();
    }

    private static decimal Decimal(Random random) => random.Next(5) switch
    {
        0 => decimal.MaxValue,
        1 => new decimal(random.Next(), random.Next(), random.Next(0, 1000), false, (byte)random.Next(0, 29)),
        2 => 0m,
        3 => decimal.Parse("0." + new string('0', random.Next(0, 20)) + "1", CultureInfo.InvariantCulture),
        _ => random.Next(0, 1_000_000) / 1000m,
    };
}
