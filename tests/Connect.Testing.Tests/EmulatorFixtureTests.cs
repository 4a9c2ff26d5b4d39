using Connect.Sdk.Models;

namespace Connect.Testing.Tests;

/// <summary>A fixture whose emulator holds the demo data plus one request the tests built themselves.</summary>
public sealed class SeededFixture : ConnectEmulatorFixture
{
    public static readonly FulfillmentRequest Built = Requests.Purchase().ForAsset("AS-7000-0000-0001")
        .WithItem("MPN-A", 7).WithParameter("customer_email", "seeded@example.com").Build();

    protected override void Configure(ConnectEmulatorOptions options) => options.Data.Requests.Add(Built);
}

public sealed class EmulatorFixtureTests(SeededFixture fixture) : IClassFixture<SeededFixture>
{
    [Fact]
    public async Task Start_DemoSeed_ClientSeesDemoRequests()
    {
        var request = await fixture.Client.Requests.GetAsync("PR-0001-0001-0001-001");

        Assert.StartsWith("http://127.0.0.1:", fixture.Emulator.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public async Task Start_OwnData_IsStoredAsBuilt()
    {
        var request = await fixture.Client.Requests.GetAsync(SeededFixture.Built.Id!);

        Assert.Equal(7m, request.Asset!.Items![0].Quantity);
        Assert.Equal("seeded@example.com", request.Asset.Params!.Single(p => p.Id == "customer_email").Value);
    }

    [Fact]
    public async Task Reset_AfterChanges_RestoresDemoAndOwnData()
    {
        await fixture.ResetAsync();
        await fixture.Client.Requests.FailAsync(SeededFixture.Built.Id!, "test");
        await fixture.Client.Requests.FailAsync("PR-0001-0001-0002-001", "test");
        await fixture.SeedAsync(Requests.Purchase().WithId("PR-7000-0000-0002-001").ForAsset("AS-7000-0000-0002").Build());

        await fixture.ResetAsync();

        Assert.Equal(RequestStatus.Pending, (await fixture.Client.Requests.GetAsync(SeededFixture.Built.Id!)).Status);
        Assert.Equal(RequestStatus.Pending, (await fixture.Client.Requests.GetAsync("PR-0001-0001-0002-001")).Status);
        Assert.Null(await fixture.Client.Requests.FindAsync("PR-7000-0000-0002-001"));
    }

    [Fact]
    public void ProcessorSettings_PointAtTheEmulator()
    {
        var settings = fixture.ProcessorSettings();
        var options = fixture.ProcessorOptions();

        Assert.Equal(fixture.Emulator.BaseUrl, settings["connectApiEndpoint"]);
        Assert.Equal(fixture.Emulator.ApiKey, settings["connectApiKey"]);
        Assert.Equal(DemoDefaults.ProductId, settings["products:0"]);
        Assert.Equal((fixture.Emulator.BaseUrl, fixture.Emulator.ApiKey), (options.ConnectApiEndpoint, options.ConnectApiKey));
        Assert.Equal([DemoDefaults.ProductId], options.Products);
    }

    [Fact]
    public async Task Audit_SeededRequest_HasItsSeedEntry()
    {
        await fixture.ResetAsync();

        var audit = await fixture.Control.AuditAsync(SeededFixture.Built.Id);

        var entry = Assert.Single(audit);
        Assert.Equal(("seed", null, "pending", "requests"), (entry.Action, entry.From, entry.To, entry.Collection));
    }
}

public sealed class ConnectEmulatorTests
{
    [Fact]
    public async Task StartAsync_EmptySeedAndOwnKey_StartsEmptyWithThatKey()
    {
        var options = new ConnectEmulatorOptions { Seed = "none", ApiKey = "ApiKey SU-123-456-789:kit-test" };
        options.Products.Add("PRD-1");
        await using var emulator = await ConnectEmulator.StartAsync(options);

        Assert.Equal(0, await emulator.Client.Requests.CountAsync());
        Assert.Equal("ApiKey SU-123-456-789:kit-test", emulator.ProcessorSettings()["connectApiKey"]);
        Assert.Equal("PRD-1", emulator.ProcessorSettings()["products:0"]);
    }

    [Fact]
    public async Task Control_BadSeed_ThrowsWithTheEmulatorsAnswer()
    {
        await using var emulator = await ConnectEmulator.StartAsync(new ConnectEmulatorOptions { Seed = "none" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.Control.ResetAsync("everything"));

        Assert.Contains("answered 400 to POST /emulator/v1/reset", error.Message, StringComparison.Ordinal);
        Assert.Contains("seed: Must be demo or none.", error.Message, StringComparison.Ordinal);
    }
}
