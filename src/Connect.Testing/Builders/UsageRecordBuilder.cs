using System.Globalization;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Builds a <see cref="UsageRecord"/> (start from <see cref="Usage.Record"/>); <see cref="Build"/> returns a copy.</summary>
public sealed class UsageRecordBuilder
{
    private static readonly DateTime DefaultStart = new(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private string _recordId = "record-" + Guid.NewGuid().ToString("N")[..12];
    private string? _note;
    private string _itemCriteria = "item.mpn";
    private string _itemValue = DemoDefaults.UsageItemMpn;
    private string _assetCriteria = "asset.id";
    private string _assetValue = Usage.DemoAssetId;
    private decimal? _quantity = 1;
    private decimal? _amount;
    private DateTime _start = DefaultStart;
    private DateTime _end = DefaultStart.AddMonths(1).AddSeconds(-1);
    private string? _categoryId;
    private readonly Dictionary<string, string> _params = new(StringComparer.Ordinal);

    internal UsageRecordBuilder()
    {
    }

    /// <summary>Sets the record id (unique within its file).</summary>
    /// <param name="recordId">The id.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder WithRecordId(string recordId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        _recordId = recordId;
        return this;
    }

    /// <summary>Sets the record note.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder WithNote(string note)
    {
        _note = note;
        return this;
    }

    /// <summary>Reports against this asset (found by <c>asset.id</c>).</summary>
    /// <param name="assetId">The asset id.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder ForAsset(string assetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        _assetCriteria = "asset.id";
        _assetValue = assetId;
        return this;
    }

    /// <summary>Reports against the asset whose parameter <paramref name="parameterId"/> has this value.</summary>
    /// <param name="parameterId">The parameter id.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder ForAssetWithParameter(string parameterId, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterId);
        _assetCriteria = "parameter." + parameterId;
        _assetValue = value;
        return this;
    }

    /// <summary>Reports usage of the item with this MPN.</summary>
    /// <param name="mpn">The MPN.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder ForItem(string mpn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mpn);
        _itemCriteria = "item.mpn";
        _itemValue = mpn;
        return this;
    }

    /// <summary>Sets the quantity consumed (QT schema).</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder WithQuantity(decimal quantity)
    {
        _quantity = quantity;
        return this;
    }

    /// <summary>Sets the amount (CR, PR and TR schemas).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder WithAmount(decimal amount)
    {
        _amount = amount;
        return this;
    }

    /// <summary>Sets the usage period (UTC).</summary>
    /// <param name="startUtc">Start.</param>
    /// <param name="endUtc">End.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder Between(DateTime startUtc, DateTime endUtc)
    {
        if (endUtc < startUtc)
        {
            throw new ArgumentException($"The usage period ends ({endUtc:O}) before it starts ({startUtc:O}).", nameof(endUtc));
        }

        _start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        _end = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
        return this;
    }

    /// <summary>Links the record to a usage category.</summary>
    /// <param name="categoryId">The category id.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder InCategory(string categoryId)
    {
        _categoryId = categoryId;
        return this;
    }

    /// <summary>Adds a record parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Value.</param>
    /// <returns>This builder.</returns>
    public UsageRecordBuilder WithParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _params[name] = value;
        return this;
    }

    /// <summary>The record.</summary>
    /// <returns>A new record.</returns>
    public UsageRecord Build() => Create(_recordId);

    /// <summary><paramref name="count"/> records that differ only in their ids (<c>&lt;id&gt;-1</c>, <c>&lt;id&gt;-2</c>, ...).</summary>
    /// <param name="count">How many.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<UsageRecord> BuildMany(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(1, count).Select(n => Create(_recordId + "-" + n.ToString(CultureInfo.InvariantCulture)))];
    }

    private UsageRecord Create(string recordId) => new()
    {
        RecordId = recordId,
        RecordNote = _note,
        ItemSearchCriteria = _itemCriteria,
        ItemSearchValue = _itemValue,
        AssetSearchCriteria = _assetCriteria,
        AssetSearchValue = _assetValue,
        Quantity = _quantity,
        Amount = _amount,
        StartTimeUtc = _start,
        EndTimeUtc = _end,
        CategoryId = _categoryId,
        Params = _params.Count == 0 ? null : new Dictionary<string, string>(_params, StringComparer.Ordinal),
    };
}
