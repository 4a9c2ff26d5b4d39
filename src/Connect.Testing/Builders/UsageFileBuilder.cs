using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Builds a <see cref="UsageFile"/> (start from <see cref="Usage.File"/>); <see cref="Build"/> returns a copy.</summary>
public sealed class UsageFileBuilder
{
    private static readonly DateTimeOffset DefaultFrom = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly UsageFile _file;

    internal UsageFileBuilder()
    {
        _file = new UsageFile
        {
            Id = TestIds.UsageFile(DemoDefaults.Created),
            Name = "Usage of Demo Metered API, 2025-12",
            Description = string.Empty,
            Note = string.Empty,
            Status = UsageFileStatus.Draft,
            Environment = ConnectionType.Preview,
            Schema = "qt",
            Currency = "EUR",
            Vendor = new Company { Id = DemoDefaults.VendorId, Name = "Demo Vendor" },
            Provider = new Company { Id = DemoDefaults.ProviderId, Name = "Demo Provider" },
            Marketplace = DemoDefaults.Marketplace(),
            Product = DemoDefaults.Product(DemoDefaults.UsageProductId, "Demo Metered API"),
            Contract = DemoDefaults.Contract(),
            Period = new UsageFilePeriod { From = DefaultFrom, To = DefaultFrom.AddMonths(1).AddDays(-1) },
            Stats = new UsageStats { Uploaded = 0, Validated = 0, Pending = 0, Accepted = 0, Closed = 0 },
            Records = new UsageRecords { Valid = 0, Invalid = 0, Closed = 0 },
            Events = new Events { Created = new Event { At = DemoDefaults.Created } },
        };
    }

    /// <summary>Sets the id (<c>UF-...</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder WithId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _file.Id = id;
        return this;
    }

    /// <summary>Sets the name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _file.Name = name;
        return this;
    }

    /// <summary>Sets the status (see <see cref="UsageFileStatus"/>); the default is <c>draft</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder WithStatus(string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        _file.Status = status;
        return this;
    }

    /// <summary>Sets the product.</summary>
    /// <param name="productId">The product id.</param>
    /// <param name="name">The product name.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder ForProduct(string productId, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        _file.Product = DemoDefaults.Product(productId, name);
        return this;
    }

    /// <summary>Sets the contract.</summary>
    /// <param name="contractId">The contract id (<c>CRD-...</c>).</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder ForContract(string contractId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        _file.Contract = DemoDefaults.Contract(contractId);
        return this;
    }

    /// <summary>Sets the period the file covers (first and last day).</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder ForPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        _file.Period = new UsageFilePeriod
        {
            From = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            To = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        return this;
    }

    /// <summary>Sets the record counts (as the platform reports them after an upload).</summary>
    /// <param name="valid">Valid records.</param>
    /// <param name="invalid">Invalid records.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder WithRecordCounts(int valid, int invalid = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valid);
        ArgumentOutOfRangeException.ThrowIfNegative(invalid);
        _file.Records = new UsageRecords { Valid = valid, Invalid = invalid, Closed = 0 };
        _file.Stats ??= new UsageStats();
        _file.Stats.Uploaded = valid + invalid;
        _file.Stats.Validated = valid;
        return this;
    }

    /// <summary>Changes anything else about the usage file.</summary>
    /// <param name="change">Changes the file being built.</param>
    /// <returns>This builder.</returns>
    public UsageFileBuilder With(Action<UsageFile> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change(_file);
        return this;
    }

    /// <summary>The usage file: an independent copy.</summary>
    /// <returns>The usage file.</returns>
    public UsageFile Build() => ConnectSerializer.Clone(_file);
}
