using Connect.Emulator;
using Connect.Sdk;
using Connect.Usage;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Usage.Tests;

/// <summary>
/// Records → our streaming writer → the real emulator's upload (its own OpenXML reader) → <c>/usage/records</c>:
/// the same records come back, and the file walks its lifecycle through the client.
/// </summary>
public sealed class UsageRoundTripEmulatorTests : IAsyncLifetime
{
    private const string Product = "PRD-400-500-600";
    private const string Contract = "CRD-10001-00001-00001";
    private const string Asset = "AS-0002-0001-0001";

    private EmulatorHost _emulator = null!;
    private ConnectClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Seed = "demo" });
        _client = new ConnectClient(new ConnectClientOptions { Endpoint = _emulator.BaseUrl, ApiKey = _emulator.ApiKey });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static UsageFile Metadata(string name) => new()
    {
        Name = name,
        Product = new Product { Id = Product },
        Contract = new Contract { Id = Contract },
        Currency = "USD",
        Period = new UsageFilePeriod { From = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero) },
    };

    private static List<UsageRecord> Records(int count) => Enumerable.Range(1, count).Select(i => new UsageRecord
    {
        RecordId = $"rt-{i:D4}",
        RecordNote = $"note {i}, with a comma",
        ItemSearchCriteria = "item.mpn",
        ItemSearchValue = i % 2 == 0 ? "MPN-PPU-GB" : "MPN-PPU-CALLS",
        AssetSearchCriteria = "asset.id",
        AssetSearchValue = Asset,
        Quantity = i % 2 == 0 ? i + 0.25m : i * 1000,
        StartTimeUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
        EndTimeUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i + 1),
    }).ToList();

    [Fact]
    public async Task SubmitUsageAsync_RecordsRoundTripThroughTheEmulator_SameRecordsAndFullLifecycle()
    {
        var records = Records(120);

        var file = await _client.SubmitUsageAsync(Metadata("Round trip"), records);

        Assert.Equal("ready", file.Status);
        var stored = new List<UsageRecordDetails>();
        await foreach (var record in _client.UsageRecords.ListAsync(new Query().Equal("usagefile.id", file.Id!)))
        {
            stored.Add(record);
        }

        Assert.Equal(records.Count, stored.Count);
        var byRecordId = stored.ToDictionary(r => r.ExtensionData!["record_id"].GetString()!);
        foreach (var sent in records)
        {
            var got = byRecordId[sent.RecordId!];
            Assert.Equal(sent.Quantity, got.Usage);
            Assert.Equal(sent.ItemSearchValue, got.Item!.Mpn);
            Assert.Equal(Asset, got.Asset!.Id);
        }

        var submitted = await _client.UsageFiles.SubmitAsync(file.Id!);
        Assert.Equal("pending", submitted!.Status);
        var accepted = await _client.UsageFiles.AcceptAsync(file.Id!, "looks right");
        Assert.Equal("accepted", accepted!.Status);
        var closed = await _client.UsageFiles.CloseAsync(file.Id!);
        Assert.Equal("closed", closed!.Status);
    }

    [Fact]
    public async Task SubmitUsageAsync_UnknownAssetOnlyTheServerKnows_FileInvalidAndExceptionNamesIt()
    {
        var records = Records(3);
        records[1].AssetSearchValue = "AS-9999-9999-9999";

        var ex = await Assert.ThrowsAsync<UsageSubmitException>(() => _client.SubmitUsageAsync(Metadata("Bad asset"), records));

        Assert.Equal(UsageSubmitStage.Invalid, ex.Stage);
        Assert.NotNull(ex.UsageFileId);
        var file = await _client.UsageFiles.GetAsync(ex.UsageFileId!);
        Assert.Equal("invalid", file.Status);
        Assert.Contains("AS-9999-9999-9999", file.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitUsageAsync_WithSubmit_FileEndsPending()
    {
        var file = await _client.SubmitUsageAsync(Metadata("Submit at once"), Records(2), new UsageSubmitOptions { Submit = true });

        Assert.Equal("pending", file.Status);
    }
}
