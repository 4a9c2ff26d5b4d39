using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Usage.Tests;

public sealed class UsageRecordValidatorTests
{
    public static TheoryData<string, string, string> Broken() => new()
    {
        { "no item criteria", "item_search_criteria", "is required" },
        { "unknown item criteria", "item_search_criteria", "unknown criteria 'item.sku'" },
        { "no item value", "item_search_value", "is required" },
        { "no asset criteria", "asset_search_criteria", "is required" },
        { "unknown asset criteria", "asset_search_criteria", "unknown criteria 'asset.uuid'" },
        { "empty parameter criteria", "asset_search_criteria", "unknown criteria 'parameter.'" },
        { "no asset value", "asset_search_value", "is required" },
        { "no quantity nor amount", "quantity", "a quantity or an amount is required" },
        { "negative quantity", "quantity", "must not be negative (got -0.5)" },
        { "negative amount", "amount", "must not be negative (got -3)" },
        { "negative tier", "tier", "must not be negative (got -1)" },
        { "no start", "start_time_utc", "is required" },
        { "no end", "end_time_utc", "is required" },
        { "end before start", "end_time_utc", "end 2026-03-01 13:21:39 is before start 2026-03-01 14:21:39" },
        { "bad precision", "item_precision", "'decimal(3)' is not one of integer" },
        { "unknown category", "category_id", "unknown category 'nope'" },
        { "blank id", "record_id", "is blank" },
        { "control character", "record_note", "control characters" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenRecord_NamesRowAndField(string breakage, string field, string message)
    {
        var record = TestData.Valid(7);
        Break(record, breakage);

        var errors = new UsageRecordValidator().Validate(record, 9);

        var error = Assert.Single(errors);
        Assert.Equal(9, error.RowNumber);
        Assert.Equal(field, error.Field);
        Assert.Equal(record.RecordId, error.RecordId);
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"row 9 (record '{record.RecordId}'), {field}: ", error.ToString());
    }

    [Theory]
    [InlineData("tab\there", true)]
    [InlineData("lines\r\nand\nmore", true)]
    [InlineData("emoji \U0001F600 and accents é", true)]
    [InlineData("bell\u0007", false)]
    [InlineData("\u0000 at the start", false)]
    [InlineData("unit separator \u001F", false)]
    [InlineData("not a character \uFFFE", false)]
    [InlineData("nor this \uFFFF", false)]
    public void Validate_TextCharacters_OnlyThoseXmlCannotHoldAreErrors(string note, bool valid)
    {
        var record = TestData.Valid();
        record.RecordNote = note;

        var errors = new UsageRecordValidator().Validate(record, 2);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Validate_ValidRecord_HasNoErrors()
    {
        Assert.Empty(new UsageRecordValidator().Validate(TestData.Valid(), 2));
    }

    [Theory]
    [InlineData(UsageSchema.Qt, "quantity", "is required for the QT schema")]
    [InlineData(UsageSchema.Cr, "amount", "is required for the CR schema")]
    [InlineData(UsageSchema.Pr, "amount", "is required for the PR schema")]
    public void Validate_SchemaColumnMissing_IsAnError(UsageSchema schema, string field, string message)
    {
        var record = TestData.Valid();
        record.Quantity = schema == UsageSchema.Qt ? null : 1;
        record.Amount = schema == UsageSchema.Qt ? 1 : null;

        var error = Assert.Single(new UsageRecordValidator(new UsageSpreadsheetOptions { Schema = schema }).Validate(record, 2));

        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_TrSchema_NeedsAmountAndTier()
    {
        var record = TestData.Valid();
        record.Amount = null;

        var errors = new UsageRecordValidator(new UsageSpreadsheetOptions { Schema = UsageSchema.Tr }).Validate(record, 2);

        Assert.Equal(["amount", "tier"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_DuplicateId_NamesTheFirstRow()
    {
        var validator = new UsageRecordValidator();
        Assert.Empty(validator.Validate(TestData.Valid(1), 2));
        Assert.Empty(validator.Validate(TestData.Valid(2), 3));

        var error = Assert.Single(validator.Validate(TestData.Valid(1), 4));

        Assert.Equal(("record_id", "duplicate record id 'rec-1' (first used on row 2)"), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_KnownItems_RejectsUnknownItemUnlessDeclared()
    {
        var validator = new UsageRecordValidator(new UsageSpreadsheetOptions { KnownItems = new HashSet<string> { "SKU-B" } });
        var unknown = TestData.Valid(1);
        var declared = TestData.Valid(2);
        declared.ItemName = "New item";

        var error = Assert.Single(validator.Validate(unknown, 2));
        Assert.Equal("item_search_value", error.Field);
        Assert.Contains("unknown item 'SKU-A'", error.Message);
        Assert.Empty(validator.Validate(declared, 3));
    }

    [Theory]
    [InlineData("item.mpn")]
    [InlineData("item.global_id")]
    [InlineData("item.local_id")]
    public void Validate_KnownItemCriteria_AreAccepted(string criteria)
    {
        var record = TestData.Valid();
        record.ItemSearchCriteria = criteria;
        record.AssetSearchCriteria = "parameter.tenant_id";

        Assert.Empty(new UsageRecordValidator().Validate(record, 2));
    }

    [Fact]
    public void ValidateAll_SeveralBadRecords_ThrowsWithEveryError()
    {
        var records = TestData.Many(5).ToList();
        records[1].StartTimeUtc = null;
        records[3].RecordId = "rec-0";

        var error = Assert.Throws<UsageValidationException>(() => UsageRecordValidator.ValidateAll(records));

        Assert.Equal([(3L, "start_time_utc"), (5L, "record_id")], error.Errors.Select(e => (e.RowNumber, e.Field)));
        Assert.Contains("2 usage record errors: row 3 (record 'rec-1'), start_time_utc: is required", error.Message);
    }

    [Fact]
    public void Validate_PastExcelsLastRow_IsAnError()
    {
        var error = Assert.Single(new UsageRecordValidator().Validate(TestData.Valid(), 1_048_577));

        Assert.Contains("at most 1048575 records", error.Message);
    }

    [Fact]
    public void ValidateAll_ValidRecords_ReturnsTheCount()
    {
        Assert.Equal(20, UsageRecordValidator.ValidateAll(TestData.Many(20)));
    }

    private static void Break(UsageRecord record, string breakage)
    {
        switch (breakage)
        {
            case "no item criteria": record.ItemSearchCriteria = " "; break;
            case "unknown item criteria": record.ItemSearchCriteria = "item.sku"; break;
            case "no item value": record.ItemSearchValue = null; break;
            case "no asset criteria": record.AssetSearchCriteria = null; break;
            case "unknown asset criteria": record.AssetSearchCriteria = "asset.uuid"; break;
            case "empty parameter criteria": record.AssetSearchCriteria = "parameter."; break;
            case "no asset value": record.AssetSearchValue = ""; break;
            case "no quantity nor amount": record.Quantity = null; record.Amount = null; break;
            case "negative quantity": record.Quantity = -0.5m; break;
            case "negative amount": record.Amount = -3; break;
            case "negative tier": record.Tier = -1; break;
            case "no start": record.StartTimeUtc = null; break;
            case "no end": record.EndTimeUtc = null; break;
            case "end before start": record.EndTimeUtc = record.StartTimeUtc!.Value.AddHours(-1); break;
            case "bad precision": record.ItemPrecision = "decimal(3)"; break;
            case "unknown category": record.CategoryId = "nope"; break;
            case "blank id": record.RecordId = "  "; break;
            case "control character": record.RecordNote = "bell\u0007"; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
